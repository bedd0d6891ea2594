"""Reading the words on a posted image on this machine: Tesseract 5, English and Khmer."""
