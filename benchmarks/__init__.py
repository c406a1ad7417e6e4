"""Benchmarks: build speed, scaling and page weight of sites using pelican-choices."""
