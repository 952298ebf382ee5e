"""What readers see of the analyses: the plotting style, charts with alt text, tables,
HTML views, and the explorers (ipywidgets that switch precomputed views without a kernel)."""
