"""Bakong, Cambodia's payment system: KHQRs made with the bakong-khqr package, and its Open API asked."""
