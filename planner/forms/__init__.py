"""WTForms: field validation only; choices are passed in as keyword-only arguments."""
