"""Layers, losses, optimizers and networks written from scratch with numpy (assignment 2)."""
