"""Each capability's wiring to its adapters, composed by bootstrap, the composition root."""
