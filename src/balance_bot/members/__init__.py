"""Members: money advanced to members, reimbursed and returned, and each member's balance."""
