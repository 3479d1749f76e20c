"""Language data shared by every stage (a leaf: it imports nothing from dossier)."""
