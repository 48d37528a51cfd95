"""The community hub: every SIG folder of a community repository on one site."""
