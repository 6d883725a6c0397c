"""Reading, parsing and checking the TOML catalog: protocols, clinics, costs, rates and rules.

Every error names the file, the entry and the field (``CatalogError``); a facilitator's own
protocols and clinics go through the same parsers. It imports only ``model``.
"""
