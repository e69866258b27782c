//! The one place where the differential harness forgives a difference: the order in
//! which printed maps list their keys.
//!
//! From OTP 26 the BEAM keeps the atom keys of small maps in atom-table order, and
//! prints and iterates them in that order, which differs between two runs of the same
//! program on the same BEAM. This VM keeps term order (as OTP 25 and AtomVM devices
//! do). For releases from 26, [`normalise`] rewrites every printed map of an output —
//! Erlang's `#{...}` (from `erlang:display/1`, `~p`, `~w`) and Elixir's `%{...}` (not
//! structs, whose fields print in definition order) — with its entries sorted and the
//! line breaks the pretty printers put inside it removed; both outputs are compared
//! after that. Everything outside maps stays byte for byte.

/// `output` with the entries of every printed map in a canonical order.
pub fn normalise(output: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(output.len());
    let mut i = 0;
    while i < output.len() {
        match map_at(output, i) {
            Some(end) => {
                out.extend(canonical_map(&output[i..end]));
                i = end;
            }
            None => {
                match quoted_end(output, i) {
                    // Copy a string or quoted atom whole: a `#{` inside it is text.
                    Some(end) => {
                        out.extend_from_slice(&output[i..end]);
                        i = end;
                    }
                    None => {
                        out.push(output[i]);
                        i += 1;
                    }
                }
            }
        }
    }
    out
}

/// Where the map starting at `i` ends (one past its `}`), if a map starts there:
/// `#{` or `%{` (so not `%Struct{`).
fn map_at(s: &[u8], i: usize) -> Option<usize> {
    let opener = matches!(s.get(i..i + 2), Some(b"#{") | Some(b"%{"));
    if !opener {
        return None;
    }
    closing(s, i + 1)
}

/// One past the bracket that closes the one at `open`, skipping strings and nested
/// brackets; `None` when unbalanced (then the text is left alone).
fn closing(s: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < s.len() {
        if let Some(end) = quoted_end(s, i) {
            i = end;
            continue;
        }
        match s[i] {
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// If a double-quoted string or single-quoted atom starts at `i`, one past its end.
fn quoted_end(s: &[u8], i: usize) -> Option<usize> {
    let quote = *s.get(i)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let mut j = i + 1;
    while j < s.len() {
        match s[j] {
            b'\\' => j += 2,
            c if c == quote => return Some(j + 1),
            b'\n' => return None,
            _ => j += 1,
        }
    }
    None
}

/// `map` (`#{...}` or `%{...}`, brackets included) with nested maps canonical, line
/// breaks removed and entries sorted.
fn canonical_map(map: &[u8]) -> Vec<u8> {
    let (prefix, body) = map.split_at(2);
    let body = &body[..body.len().saturating_sub(1)];
    let mut entries: Vec<Vec<u8>> = split_top_level(body)
        .into_iter()
        .map(|e| squeeze(&normalise(e)))
        .filter(|e| !e.is_empty())
        .collect();
    entries.sort();
    let mut out = prefix.to_vec();
    out.extend(entries.join(&b","[..]));
    out.push(b'}');
    out
}

/// The entries of a map body: split at commas outside brackets and strings.
fn split_top_level(body: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < body.len() {
        if let Some(end) = quoted_end(body, i) {
            i = end;
            continue;
        }
        match body[i] {
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&body[start..]);
    parts
}

/// An entry without the layout the pretty printers choose by width: leading and
/// trailing whitespace, whitespace after commas and after opening or before closing
/// brackets are dropped; other runs of whitespace with a line break become one space.
fn squeeze(entry: &[u8]) -> Vec<u8> {
    let trimmed = entry.trim_ascii();
    let mut out: Vec<u8> = Vec::with_capacity(trimmed.len());
    let mut i = 0;
    while i < trimmed.len() {
        if let Some(end) = quoted_end(trimmed, i) {
            out.extend_from_slice(&trimmed[i..end]);
            i = end;
            continue;
        }
        let c = trimmed[i];
        if !c.is_ascii_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let run_end = trimmed[i..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(trimmed.len(), |p| i + p);
        let run = &trimmed[i..run_end];
        let before = out.last().copied();
        let after = trimmed.get(run_end).copied();
        let drop = matches!(before, Some(b',' | b'{' | b'[' | b'('))
            || matches!(after, Some(b'}' | b']' | b')'));
        if !drop {
            if run.contains(&b'\n') {
                out.push(b' ');
            } else {
                out.extend_from_slice(run);
            }
        }
        i = run_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    fn n(s: &str) -> String {
        String::from_utf8(normalise(s.as_bytes())).unwrap_or_default()
    }

    #[test]
    fn erlang_maps_compare_whatever_their_key_order() {
        assert_eq!(n("#{b=>2,a=>1}\n"), n("#{a=>1,b=>2}\n"));
        assert_eq!(n("x #{c => 3,a => 1}."), "x #{a => 1,c => 3}.");
        // Nested maps, maps as keys, and maps inside other terms.
        assert_eq!(
            n("{ok,#{web=>#{port=>1,ip=>{0,0}},db=>#{b=>[1,2]}}}"),
            n("{ok,#{db=>#{b=>[1,2]},web=>#{ip=>{0,0},port=>1}}}")
        );
        assert_eq!(n("#{#{b=>2,a=>1}=>x}"), n("#{#{a=>1,b=>2}=>x}"));
    }

    #[test]
    fn pretty_printer_line_breaks_inside_maps_do_not_count() {
        let wrapped = "{ok,#{id => w2,restart => transient,\n     start => {m,f,[w2]},\n     type => worker}}";
        let other =
            "{ok,#{type => worker,id => w2,\n     start => {m,f,[w2]},restart => transient}}";
        assert_eq!(n(wrapped), n(other));
        let elixir = "%{\n  b: [1, 2,\n   3],\n  a: 1\n}";
        assert_eq!(n(elixir), n("%{a: 1, b: [1, 2, 3]}"));
    }

    #[test]
    fn everything_else_still_counts() {
        // Different values, different keys, lists (their order is the program's).
        assert_ne!(n("#{a=>1,b=>2}"), n("#{a=>2,b=>1}"));
        assert_ne!(n("#{a=>1}"), n("#{b=>1}"));
        assert_ne!(n("[b,a]"), n("[a,b]"));
        assert_ne!(n("#{a=>[2,1]}"), n("#{a=>[1,2]}"));
        // Structs print their fields in definition order: not reordered.
        assert_ne!(n("%S{b: 1, a: 2}"), n("%S{a: 2, b: 1}"));
        // Text outside maps, and a "#{" inside a string, is left alone.
        assert_eq!(n("say \"#{b,a}\" now"), "say \"#{b,a}\" now");
        assert_ne!(n("x  y"), n("x y"));
        // Unbalanced text is copied as is.
        assert_eq!(n("#{a=>1"), "#{a=>1");
    }
}
