"""How requests are served: the client address, input cleaned of control characters, the
shared cache table. Base layer: imports no domain app."""
