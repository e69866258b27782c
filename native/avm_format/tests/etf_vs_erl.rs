//! The ETF decoder and encoder against the real BEAM: `erl` encodes ~90 varied terms
//! with `term_to_binary/1,2` and prints them with `~w`; each encoding must decode to
//! the same term, `encode` must give `term_to_binary/1`'s bytes exactly, and the
//! decoded values, printed the way `~w` prints, must read as erl's own output.
//!
//! This needs `erl` on `PATH` (any release from OTP 25; what differs between releases,
//! such as the reserved words, is asked of it); without it the tests fail (they do not
//! skip), since the point is to check the crate against the real runtime.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not their helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avm_format::etf::{decode, encode, encode_with, EncodeOptions, Term};
use std::fmt::Write as _;
use std::process::Command;
use std::sync::OnceLock;

/// The Erlang side: a module whose `main/0` prints one line per term, tab-separated:
/// name, then the hex of `term_to_binary(T)`, of `term_to_binary(T, [{minor_version,
/// 1}])` (OTP 25's default, spelled out so the comparison holds on later releases),
/// of `[{minor_version, 2}]` (UTF-8 atoms, OTP 26's default), of `[{minor_version,
/// 0}]` (text floats), of `[compressed]`, and of `~w` of `T` as UTF-8. Compiled (not
/// `-eval`ed) so the closures are real closures of a real module.
const PROBE: &str = r##"
-module(etf_probe).
-export([main/0, main/1]).

main() ->
    io:format("reserved~ts~n", [[[$\t | atom_to_list(W)] || W <- reserved_words()]]),
    [line(Name, T) || {Name, T} <- terms()],
    ok.

%% The words this release's erl_scan reserves, which ~w quotes (OTP 27 added `maybe`
%% and `else`).
reserved_words() ->
    [W || W <- ['after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr',
                'bxor', 'case', 'catch', 'cond', 'div', 'else', 'end', 'fun', 'if', 'let',
                'maybe', 'not', 'of', 'or', 'orelse', 'query', 'receive', 'rem', 'try',
                'when', 'xor'],
          erl_scan:reserved_word(W)].

main(X) -> X.

line(Name, T) ->
    Hex = fun(B) -> binary:encode_hex(B) end,
    W = unicode:characters_to_binary(io_lib:format("~w", [T])),
    io:format("~s\t~s\t~s\t~s\t~s\t~s\t~s~n",
              [Name,
               Hex(term_to_binary(T)),
               Hex(term_to_binary(T, [{minor_version, 1}])),
               Hex(term_to_binary(T, [{minor_version, 2}])),
               Hex(term_to_binary(T, [{minor_version, 0}])),
               Hex(term_to_binary(T, [compressed])),
               Hex(W)]).

pow(_, 0) -> 1;
pow(B, N) -> B * pow(B, N - 1).

terms() ->
    Self = self(),
    Port = hd(erlang:ports()),
    Ref = make_ref(),
    %% Values the compiler cannot fold into the closure: it must capture them.
    Y = erlang:phash2(Ref) rem 1 + 42,
    Z = {x, [Y + 79, 122]},
    Closure = fun(X) -> {X, Y, Z} end,
    NoFree = fun(X) -> X + 1 end,
    Big = 1 bsl 2040,
    [{int_0, 0}, {int_1, 1}, {int_255, 255}, {int_256, 256}, {int_m1, -1},
     {int_m255, -255}, {int_m256, -256},
     {int_2p31m1, 2147483647}, {int_2p31, 2147483648},
     {int_m2p31, -2147483648}, {int_m2p31m1, -2147483649},
     {int_2p63m1, 9223372036854775807}, {int_2p63, 9223372036854775808},
     {int_m2p63, -9223372036854775808}, {int_m2p63m1, -9223372036854775809},
     {int_2p64m1, 18446744073709551615}, {int_2p64, 18446744073709551616},
     {int_m2p64, -18446744073709551616},
     {big_255_bytes, 1 bsl 2039}, {big_256_bytes, Big}, {big_m256_bytes, -Big},
     {big_3p2000, pow(3, 2000)},
     {float_0, 0.0}, {float_m0, -0.0}, {float_1_5, 1.5}, {float_m2_25, -2.25},
     {float_1e308, 1.0e308}, {float_5em324, 5.0e-324}, {float_pi, math:pi()},
     {float_0_1, 0.1}, {float_100, 100.0}, {float_1000, 1000.0}, {float_1e21, 1.0e21},
     {float_1em4, 1.0e-4}, {float_1em5, 1.0e-5}, {float_1_234em4, 1.234e-4},
     {float_long, 12345678901234567890.0}, {float_123456789, 123456789.0},
     {atom_a, a}, {atom_ok, ok}, {atom_space, 'hello world'}, {atom_upper, 'Abc'},
     {atom_empty, ''}, {atom_latin1, 'café'}, {atom_latin1_start, 'élan'},
     {atom_unicode, list_to_atom([945, 946])},
     {atom_emoji, list_to_atom("ok" ++ [128512])}, {atom_quote, 'it\'s'},
     {atom_escapes, list_to_atom("a\nb\tc\\d" ++ [1, 8, 27, 127, 128, 159, 160, 215])},
     {atom_reserved, 'receive'}, {atom_maybe, 'maybe'}, {atom_else, 'else'},
     {atom_at, 'node@host'},
     {atom_digits, a_B9}, {atom_true, true},
     {atom_255_latin1, list_to_atom(lists:duplicate(255, $x))},
     {atom_255_unicode, list_to_atom(lists:duplicate(255, 945))},
     {tuple_empty, {}}, {tuple_1, {1}}, {tuple_nested, {a, {b, {c, {}}}}},
     {tuple_255, list_to_tuple(lists:seq(1, 255))},
     {tuple_256, list_to_tuple(lists:seq(1, 256))},
     {tuple_300, list_to_tuple([X * 1000 || X <- lists:seq(1, 300)])},
     {nil, []}, {string, "hello"}, {string_latin1, "café"},
     {string_unicode, [945, 946]}, {list_mixed, [1, a, "b", {c}, 1.5]},
     {list_256, [256]}, {list_neg, [-1]}, {improper, [1 | 2]},
     {improper_atoms, [a, b | c]}, {improper_binary_tail, [1 | <<2>>]},
     {nested_lists, [[], [[]], [[[]]]]}, {list_of_strings, ["ab", "", "cd"]},
     {string_65535, lists:duplicate(65535, $z)},
     {string_65536, lists:duplicate(65536, $z)}, {seq_300, lists:seq(1, 300)},
     {binary_empty, <<>>}, {binary_123, <<1, 2, 3>>}, {binary_text, <<"hello">>},
     {binary_1000, list_to_binary(lists:duplicate(1000, 7))},
     {bits_1, <<1:1>>}, {bits_11, <<255, 7:3>>}, {bits_7, <<100:7>>},
     {map_empty, #{}}, {map_small, #{a => 1, b => [2], <<"k">> => {}, 1.5 => x}},
     {map_nested, #{m => #{n => #{}}}},
     {map_32, maps:from_list([{K, K * K} || K <- lists:seq(1, 32)])},
     {map_33, maps:from_list([{K, K * K} || K <- lists:seq(1, 33)])},
     {map_100, maps:from_list([{integer_to_list(K), {K}} || K <- lists:seq(1, 100)])},
     {pid, Self}, {port, Port}, {ref, Ref}, {ids, {Self, [Port], #{Ref => Ref}}},
     {export, fun lists:map/2}, {export_local, fun ?MODULE:main/1},
     {closure, Closure}, {closure_no_free, NoFree}, {closures, [Closure, NoFree]},
     {mixed, {ok, [#{1 => <<"a">>}, -5, 2.5, <<3:2>>], 'Ω', Big, [x | y]}}].
"##;

/// One term as erl encoded and printed it.
struct Case {
    name: String,
    default: Vec<u8>,
    otp25: Vec<u8>,
    utf8_atoms: Vec<u8>,
    text_floats: Vec<u8>,
    compressed: Vec<u8>,
    w: String,
}

fn unhex(hex: &str) -> Vec<u8> {
    assert!(hex.len() % 2 == 0, "odd hex length");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// What the probe printed: the terms, and the words this release reserves.
struct Probe {
    cases: Vec<Case>,
    reserved: Vec<String>,
}

/// Runs the probe once (it takes about a second), shared by the tests.
fn probe() -> &'static Probe {
    static PROBE_OUTPUT: OnceLock<Probe> = OnceLock::new();
    PROBE_OUTPUT.get_or_init(run_probe)
}

fn cases() -> &'static [Case] {
    &probe().cases
}

fn run_probe() -> Probe {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("etf_probe.erl"), PROBE).unwrap();
    let output = Command::new("erl")
        .current_dir(dir.path())
        .args([
            "-noshell",
            "-eval",
            "{ok, etf_probe} = compile:file(etf_probe, [report]), etf_probe:main()",
            "-s",
            "init",
            "stop",
        ])
        .output()
        .unwrap_or_else(|err| {
            panic!(
                "cannot run `erl` ({err}): this test needs Erlang/OTP's `erl` on PATH \
                 (e.g. `apt-get install erlang`); it does not skip without it"
            )
        });
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success() && !stdout.contains("init terminating"),
        "erl failed ({}):\nstdout:\n{stdout}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let mut lines = stdout.lines();
    let reserved: Vec<String> = lines
        .next()
        .and_then(|line| line.strip_prefix("reserved\t"))
        .unwrap_or_else(|| panic!("the probe did not start with its reserved words:\n{stdout}"))
        .split('\t')
        .map(str::to_owned)
        .collect();
    assert!(
        reserved.len() >= 27 && reserved.iter().any(|w| w == "receive"),
        "reserved words: {reserved:?}"
    );
    let cases: Vec<Case> = lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 7, "unexpected line from erl: {line}");
            Case {
                name: fields[0].to_owned(),
                default: unhex(fields[1]),
                otp25: unhex(fields[2]),
                utf8_atoms: unhex(fields[3]),
                text_floats: unhex(fields[4]),
                compressed: unhex(fields[5]),
                w: String::from_utf8(unhex(fields[6])).unwrap(),
            }
        })
        .collect();
    assert!(cases.len() >= 90, "only {} terms from erl", cases.len());
    Probe { cases, reserved }
}

fn decoded(case: &Case, bytes: &[u8], what: &str) -> Term {
    decode(bytes).unwrap_or_else(|e| panic!("{}: {what}: {e}", case.name))
}

/// Whether the term holds a pid, port, reference or closure (values that only make
/// sense to the node that made them).
fn has_identifiers(term: &Term) -> bool {
    match term {
        Term::Pid { .. } | Term::Port { .. } | Term::Reference { .. } | Term::Fun { .. } => true,
        Term::List { elements, tail } => {
            elements.iter().any(has_identifiers) || has_identifiers(tail)
        }
        Term::Tuple(items) => items.iter().any(has_identifiers),
        Term::Map(pairs) => pairs
            .iter()
            .any(|(k, v)| has_identifiers(k) || has_identifiers(v)),
        _ => false,
    }
}

/// How many ports the term holds.
fn ports(term: &Term) -> usize {
    match term {
        Term::Port { .. } => 1,
        Term::List { elements, tail } => elements.iter().map(ports).sum::<usize>() + ports(tail),
        Term::Tuple(items) => items.iter().map(ports).sum(),
        Term::Map(pairs) => pairs.iter().map(|(k, v)| ports(k) + ports(v)).sum(),
        _ => 0,
    }
}

#[test]
fn encode_gives_term_to_binary_bytes() {
    // From OTP 26 term_to_binary writes every port as V4_PORT_EXT (a 64-bit id), where
    // `encode`, like OTP 25, writes NEW_PORT_EXT (32 bits) when the id fits: asked of
    // this release by how it wrote the bare port.
    let port = cases().iter().find(|c| c.name == "port").unwrap();
    let v4_ports = port.otp25.get(1) == Some(&120);
    let mut failures = Vec::new();
    for case in cases() {
        let term = decoded(case, &case.default, "term_to_binary/1");
        let n = ports(&term);
        if v4_ports && n > 0 {
            // The same term, each port 4 bytes longer in erl's encoding.
            for (theirs, ours) in [
                (&case.otp25, encode(&term)),
                (
                    &case.utf8_atoms,
                    encode_with(&term, EncodeOptions { utf8_atoms: true }),
                ),
            ] {
                if decode(&ours).ok() != decode(theirs).ok() || theirs.len() != ours.len() + 4 * n {
                    failures.push(format!(
                        "{}: encode differs beyond the port form",
                        case.name
                    ));
                }
            }
            continue;
        }
        if encode(&term) != case.otp25 {
            failures.push(format!(
                "{}: encode differs from term_to_binary/1 (minor_version 1)\n  erl:  {:?}\n  ours: {:?}",
                case.name,
                case.otp25,
                encode(&term)
            ));
        }
        let utf8 = encode_with(&term, EncodeOptions { utf8_atoms: true });
        if utf8 != case.utf8_atoms {
            failures.push(format!(
                "{}: utf8_atoms differs from minor_version 2",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_encoding_decodes_to_the_same_term() {
    let mut compressed = 0;
    for case in cases() {
        let term = decoded(case, &case.default, "term_to_binary/1");
        let again = decoded(case, &encode(&term), "our encoding");
        assert_eq!(again, term, "{}: decode(encode(t)) differs", case.name);
        let forms = [
            (&case.otp25, "minor_version 1"),
            (&case.utf8_atoms, "minor_version 2"),
            (&case.text_floats, "minor_version 0"),
            (&case.compressed, "compressed"),
        ];
        for (bytes, what) in forms {
            assert_eq!(decoded(case, bytes, what), term, "{}: {what}", case.name);
        }
        if case.compressed.get(1) == Some(&80) {
            compressed += 1;
        }
    }
    assert!(
        compressed >= 5,
        "only {compressed} terms came out compressed"
    );
    let floats = cases()
        .iter()
        .filter(|c| c.text_floats.contains(&99))
        .count();
    assert!(floats >= 10, "only {floats} terms with FLOAT_EXT");
}

#[test]
fn identifiers_and_closures_round_trip() {
    let mut seen = 0;
    for case in cases() {
        let term = decoded(case, &case.default, "term_to_binary/1");
        if has_identifiers(&term) {
            seen += 1;
            assert_eq!(decode(&encode(&term)).unwrap(), term, "{}", case.name);
        }
    }
    assert_eq!(seen, 7);
    let closure = cases().iter().find(|c| c.name == "closure").unwrap();
    let Term::Fun {
        module,
        free_vars,
        pid,
        ..
    } = decode(&closure.default).unwrap()
    else {
        panic!("closure: not a Fun")
    };
    assert_eq!(*module, Term::atom("etf_probe"));
    assert!(matches!(*pid, Term::Pid { .. }));
    let yz = Term::list(vec![Term::Integer(121), Term::Integer(122)]);
    assert_eq!(
        free_vars,
        [Term::Integer(42), Term::Tuple(vec![Term::atom("x"), yz])]
    );
}

#[test]
fn decoded_values_print_like_erl_w() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases() {
        let term = decoded(case, &case.default, "term_to_binary/1");
        let Some(ours) = w(&term) else { continue };
        compared += 1;
        if ours != case.w {
            failures.push(format!(
                "{}:\n  erl:  {}\n  ours: {ours}",
                case.name, case.w
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared >= 85, "only {compared} terms compared");
}

// ---------------------------------------------------------------------------------
// A `~w` printer for the decoded terms (pids, ports, references and closures print
// node-local values and are left out).

/// `term` as `io_lib:format("~w", [Term])` prints it on OTP 25, or `None` if it holds
/// a pid, port, reference or closure.
fn w(term: &Term) -> Option<String> {
    let mut out = String::new();
    write_w(term, &mut out)?;
    Some(out)
}

fn write_w(term: &Term, out: &mut String) -> Option<()> {
    match term {
        Term::Integer(i) => write!(out, "{i}").unwrap(),
        Term::BigInt {
            negative,
            magnitude_le,
        } => {
            if *negative {
                out.push('-');
            }
            out.push_str(&decimal(magnitude_le));
        }
        Term::Float(f) => out.push_str(&erl_float(*f)),
        Term::Atom(name) => out.push_str(&atom(name)),
        Term::Nil => out.push_str("[]"),
        Term::List { elements, tail } => {
            out.push('[');
            write_all(elements, out)?;
            if **tail != Term::Nil {
                out.push('|');
                write_w(tail, out)?;
            }
            out.push(']');
        }
        Term::Tuple(items) => {
            out.push('{');
            write_all(items, out)?;
            out.push('}');
        }
        Term::Record {
            module,
            name,
            fields,
            values,
            ..
        } => {
            // OTP 29's `~w` of a native record: `#m:n{f = V,...}`.
            out.push('#');
            write_w(module, out)?;
            out.push(':');
            write_w(name, out)?;
            out.push('{');
            for (i, (f, v)) in fields.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_w(f, out)?;
                out.push_str(" = ");
                write_w(v, out)?;
            }
            out.push('}');
        }
        Term::Map(pairs) => {
            // Up to 32 keys a map is a sorted array and `~w` prints it in the
            // order it is encoded; a larger one is a hash trie that
            // `term_to_binary` walks in the reverse of the order `~w` prints.
            let mut order: Vec<&(Term, Term)> = pairs.iter().collect();
            if order.len() > 32 {
                order.reverse();
            }
            out.push_str("#{");
            for (i, (key, value)) in order.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_w(key, out)?;
                out.push_str(" => ");
                write_w(value, out)?;
            }
            out.push('}');
        }
        Term::Binary(bytes) => {
            let list: Vec<String> = bytes.iter().map(u8::to_string).collect();
            write!(out, "<<{}>>", list.join(",")).unwrap();
        }
        Term::BitBinary { bytes, bits } => {
            let (last, whole) = bytes.split_last()?;
            let mut list: Vec<String> = whole.iter().map(u8::to_string).collect();
            list.push(format!("{}:{bits}", last >> (8 - bits)));
            write!(out, "<<{}>>", list.join(",")).unwrap();
        }
        Term::ExportFun {
            module,
            function,
            arity,
        } => {
            out.push_str("fun ");
            write_w(module, out)?;
            out.push(':');
            write_w(function, out)?;
            write!(out, "/{arity}").unwrap();
        }
        Term::Pid { .. } | Term::Port { .. } | Term::Reference { .. } | Term::Fun { .. } => {
            return None
        }
    }
    Some(())
}

fn write_all(terms: &[Term], out: &mut String) -> Option<()> {
    for (i, term) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_w(term, out)?;
    }
    Some(())
}

/// A little-endian base-256 magnitude in decimal.
fn decimal(magnitude_le: &[u8]) -> String {
    let mut digits_be: Vec<u8> = magnitude_le.iter().rev().copied().collect();
    let mut out = Vec::new();
    while digits_be.iter().any(|&d| d != 0) {
        let mut rem = 0u32;
        for d in &mut digits_be {
            let cur = rem * 256 + u32::from(*d);
            *d = (cur / 10) as u8;
            rem = cur % 10;
        }
        out.push(b'0' + rem as u8);
    }
    if out.is_empty() {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Lower-case letters for an unquoted atom's first character (Latin-1 included).
fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('ß'..='ÿ').contains(&c) && c != '÷')
}

fn is_name_char(c: char) -> bool {
    is_lower(c)
        || c.is_ascii_uppercase()
        || (('À'..='Þ').contains(&c) && c != '×')
        || c.is_ascii_digit()
        || c == '_'
        || c == '@'
}

/// An atom as `~w` writes it: bare if it reads back as the same atom (not one of the
/// running release's reserved words), else quoted with `io_lib`'s escapes (Latin-1
/// printable as is, beyond Latin-1 as `\x{…}`).
fn atom(name: &str) -> String {
    let mut chars = name.chars();
    let bare = chars.next().is_some_and(is_lower)
        && chars.all(is_name_char)
        && !probe().reserved.iter().any(|w| w == name);
    if bare {
        return name.to_owned();
    }
    let mut out = String::from("'");
    for c in name.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            ' '..='~' | '\u{a0}'..='\u{ff}' => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7f}' => out.push_str("\\d"),
            c if u32::from(c) < 0xa0 => write!(out, "\\{:03o}", u32::from(c)).unwrap(),
            c => write!(out, "\\x{{{:X}}}", u32::from(c)).unwrap(),
        }
    }
    out.push('\'');
    out
}

/// A float as `~w` writes it (`io_lib_format:fwrite_g/1`): the shortest digits that
/// read back as the same float, as a plain decimal or in exponent form, whichever is
/// shorter (the plain form on a tie).
fn erl_float(f: f64) -> String {
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap();
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let place: i64 = exp.parse::<i64>().unwrap() + 1;
    let len = digits.len() as i64;
    let exp_text = (place - 1).to_string();
    let exp_cost = exp_text.len() as i64 + 1 + if len == 1 { 2 } else { 1 };
    let with_exp = || {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{first}.{rest}e{exp_text}")
    };
    let body = if place <= 0 {
        if 2 - place <= exp_cost {
            format!("0.{}{digits}", "0".repeat((-place) as usize))
        } else {
            with_exp()
        }
    } else if place >= len {
        if place - len + 2 <= exp_cost {
            format!("{digits}{}.0", "0".repeat((place - len) as usize))
        } else {
            with_exp()
        }
    } else {
        let (int, frac) = digits.split_at(place as usize);
        format!("{int}.{frac}")
    };
    if f.is_sign_negative() {
        format!("-{body}")
    } else {
        body
    }
}
