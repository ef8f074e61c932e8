//! Referral references people can read out on the phone: `SP-` and four characters from an
//! alphabet without look-alikes (no 0/O, 1/I/L).

/// Characters used in references.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A new random reference such as `SP-7K3Q`. Uniqueness is enforced by the store.
pub fn new_reference() -> String {
    let mut s = String::from("SP-");
    for _ in 0..4 {
        s.push(char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]));
    }
    s
}

/// True when `s` has the shape of a reference (any case).
pub fn is_reference(s: &str) -> bool {
    let s = s.to_ascii_uppercase();
    s.len() == 7 && s.starts_with("SP-") && s.bytes().skip(3).all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable_and_vary() {
        let refs: std::collections::BTreeSet<String> = (0..200).map(|_| new_reference()).collect();
        assert!(refs.len() > 190, "references should rarely repeat");
        for r in &refs {
            assert!(is_reference(r), "{r}");
            assert!(!r[3..].contains(['0', 'O', '1', 'I', 'L']), "{r}");
        }
        assert!(!is_reference("SP-0000"));
        assert!(!is_reference("XX-7K3Q"));
    }
}
