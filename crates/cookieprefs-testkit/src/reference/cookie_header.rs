//! A reference `Cookie:` header lookup (RFC 6265 §5.4), written the plain
//! way and sharing no code with the crate's `find_cookie`, which the
//! `cookie_header` check ([`crate::fuzz::cookie_header`]) compares against it.

/// RFC 6265 §5.4 lookup written the plain way: split on `;`, skip pieces
/// without `=`, trim spaces and tabs, compare names exactly, drop one pair of
/// surrounding quotes; first match wins. Returns the value's byte range.
pub fn find_cookie(header: &[u8], name: &[u8]) -> Option<(usize, usize)> {
    let is_ws = |b: u8| b == b' ' || b == b'\t';
    let mut piece_start = 0;
    for piece in header.split(|&b| b == b';') {
        let here = piece_start;
        piece_start += piece.len() + 1;
        let Some(eq) = piece.iter().position(|&b| b == b'=') else {
            continue;
        };
        let raw_name = &piece[..eq];
        let n_lead = raw_name.iter().take_while(|&&b| is_ws(b)).count();
        let n_trail = raw_name[n_lead..].iter().rev().take_while(|&&b| is_ws(b)).count();
        if &raw_name[n_lead..raw_name.len() - n_trail] != name {
            continue;
        }
        let raw_value = &piece[eq + 1..];
        let v_lead = raw_value.iter().take_while(|&&b| is_ws(b)).count();
        let v_trail = raw_value[v_lead..]
            .iter()
            .rev()
            .take_while(|&&b| is_ws(b))
            .count();
        let mut start = here + eq + 1 + v_lead;
        let mut end = here + eq + 1 + raw_value.len() - v_trail;
        if end - start >= 2 && header[start] == b'"' && header[end - 1] == b'"' {
            start += 1;
            end -= 1;
        }
        return Some((start, end));
    }
    None
}
