"""Facilitators' accounts: registration, log-in sessions, passwords, tokens and the mailer.

It imports the models only: the other service packages build on it.
"""
