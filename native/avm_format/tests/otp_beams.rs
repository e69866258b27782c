//! Stripping real modules compiled by the installed Erlang/OTP, with `erl` itself
//! checking that the inflated literal table decodes to the same terms.
//!
//! These tests need `erlc` and `erl` on `PATH`; without them they fail (they do not
//! skip), since the point is to check the crate against the real toolchain.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not their helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avm_format::avm::{self, Entry};
use avm_format::beam::{strip, Beam, ModuleInfo, StripOptions, KEPT_CHUNKS};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs an Erlang/OTP tool, failing the test with a clear message if it is missing or
/// exits with an error.
fn run(tool: &str, args: &[&str]) -> Output {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|err| {
            panic!(
                "cannot run `{tool}` ({err}): these tests need Erlang/OTP's `erlc` and `erl` \
             on PATH (e.g. `apt-get install erlang`)"
            )
        });
    assert!(
        output.status.success(),
        "`{tool} {}` failed ({}):\nstdout:\n{}\nstderr:\n{}",
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn ids(beam: &Beam<'_>) -> Vec<String> {
    beam.chunks.iter().map(|c| c.name()).collect()
}

/// The chunk ids `strip(…, keep_lines: true)` must produce from `original`.
fn expected_ids(original: &Beam<'_>) -> Vec<String> {
    original
        .chunks
        .iter()
        .filter(|c| KEPT_CHUNKS.contains(&&c.id) || &c.id == b"Line")
        .map(|c| {
            // A compressed `LitT` (a non-zero uncompressed size) is inflated into LitU;
            // a plain one (size 0, OTP 28+) is kept.
            if &c.id == b"LitT" && compressed(c.data) {
                "LitU".to_owned()
            } else {
                c.name()
            }
        })
        .collect()
}

/// Checks the stripped module against the original: exactly the expected chunks in
/// the original order, every kept chunk byte-identical except the inflated literals,
/// and the same name, exports and imports.
fn check_stripped(original_bytes: &[u8], stripped_bytes: &[u8], what: &str) {
    let original = Beam::parse(original_bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    let stripped = Beam::parse(stripped_bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(ids(&stripped), expected_ids(&original), "{what}: chunk ids");
    assert_eq!(stripped.len, stripped_bytes.len(), "{what}");
    assert!(stripped.chunk(b"Code").is_some(), "{what}: no Code");
    assert!(stripped.chunk(b"AtU8").is_some(), "{what}: no AtU8");
    let kept = original
        .chunks
        .iter()
        .filter(|c| KEPT_CHUNKS.contains(&&c.id) || &c.id == b"Line");
    let mut expected_len = 12;
    for (before, after) in kept.zip(&stripped.chunks) {
        if after.id == *b"LitU" {
            let declared = u32::from_be_bytes(before.data[..4].try_into().unwrap());
            assert_eq!(after.data.len(), declared as usize, "{what}: LitU size");
        } else {
            assert_eq!(before.data, after.data, "{what}: chunk {}", after.name());
        }
        expected_len += 8 + after.data.len().div_ceil(4) * 4;
    }
    assert_eq!(stripped_bytes.len(), expected_len, "{what}: stripped size");
    let info_before = ModuleInfo::read(&original).unwrap_or_else(|e| panic!("{what}: {e}"));
    let info_after = ModuleInfo::read(&stripped).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(info_before, info_after, "{what}: module info");
}

const LITERALS_MODULE: &str = r#"-module(lits).
-export([start/0, data/0, more/0]).

start() -> {data(), more()}.

data() ->
    #{config => #{name => <<"atomvm">>, version => {1, 2, 3},
                  pi => 3.141592653589793, e => 2.718281828459045},
      nested => {a, {b, {c, {d, [1, 2, 3, "string", <<1, 2, 3>>, {}]}}}},
      big => 123456789012345678901234567890123456789012345678901234567890,
      neg_big => -98765432109876543210987654321098765432109876543210,
      floats => [0.1, -2.5e-10, 1.0e300, -0.0, 5.0e-324],
      strings => ["hello world", "unicode: \x{e9}\x{65e5}\x{672c}\x{1F600}", [1 | 2]],
      bin => <<"a longer binary literal, long enough that compressing it pays off: "
               "lorem ipsum dolor sit amet, consectetur adipiscing elit">>,
      bits => <<5:3>>,
      atoms => ['h\x{e9}llo', 'with space', '\x{65e5}\x{672c}'],
      {tuple, key} => [{k, v}],
      empty => {[], #{}, <<>>, ""}}.

more() ->
    [{I, <<"item">>, [I, I * 2.5]} || I <- [1, 2, 3]] ++
    [{config, [{port, 8080}, {host, "localhost"}, {opts, [binary, {active, true}]}]},
     lists:duplicate(3, {repeated, <<"repeated binary">>}),
     {1.5, 2.5, 3.5, 4.5}, fun lists:reverse/1, 18446744073709551616, -18446744073709551617,
     list_to_tuple(lists:seq(1, 20))].
"#;

/// Reads both literal tables inside `erl` (the original's `LitT`, compressed or from
/// OTP 28 plain; the stripped module's `LitU` or plain `LitT`), decodes every entry
/// with `binary_to_term` and prints `equal=BOOL raw_equal=BOOL count=N member=BOOL`.
const COMPARE_EVAL: &str = r#"
[Dir, Orig, Stripped] = init:get_plain_arguments(),
Table = fun(File) ->
            case beam_lib:chunks(File, ["LitT", "LitU"], [allow_missing_chunks]) of
                {ok, {_, [{"LitT", <<0:32, Plain/binary>>}, {"LitU", missing_chunk}]}} -> Plain;
                {ok, {_, [{"LitT", <<_:32, Z/binary>>}, {"LitU", missing_chunk}]}} -> zlib:uncompress(Z);
                {ok, {_, [{"LitT", missing_chunk}, {"LitU", Inflated}]}} -> Inflated
            end
        end,
T1 = Table(Orig),
T2 = Table(Stripped),
Loop = fun Loop(0, <<>>, Acc) -> lists:reverse(Acc);
           Loop(K, <<S:32, E:S/binary, R/binary>>, Acc) ->
               Loop(K - 1, R, [binary_to_term(E) | Acc])
       end,
Decode = fun(<<N:32, Rest/binary>>) -> {N, Loop(N, Rest, [])} end,
{N1, L1} = Decode(T1),
{N2, L2} = Decode(T2),
true = code:add_patha(Dir),
{module, lits} = code:load_file(lits),
io:format("equal=~p raw_equal=~p count=~p member=~p~n",
          [N1 =:= N2 andalso L1 =:= L2, T1 =:= T2, N1,
           lists:member(lits:data(), L2)]),
halt().
"#;

/// How a `LitT` chunk holds its table: zlib-compressed after the inflated size, or
/// (OTP 28 and later, unless compiled with `+compressed_literals`) plain after a 0.
fn compressed(litt: &[u8]) -> bool {
    litt.get(..4).is_some_and(|size| size != [0, 0, 0, 0])
}

/// Compiles `LITERALS_MODULE` with `erlc` and `options`, strips it, and checks the
/// stripped module against the original, its literal table through `erl`. Returns
/// whether erlc compressed the literal table.
fn check_literals_module(options: &[&str]) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("lits.erl");
    std::fs::write(&src, LITERALS_MODULE).unwrap();
    let dir_str = dir.path().to_str().unwrap();
    let mut args = vec!["-o", dir_str];
    args.extend_from_slice(options);
    args.push(src.to_str().unwrap());
    run("erlc", &args);

    let original_path = dir.path().join("lits.beam");
    let original_bytes = std::fs::read(&original_path).unwrap();
    let original = Beam::parse(&original_bytes).unwrap();
    let original_ids = ids(&original);
    let litt = original
        .chunk(b"LitT")
        .unwrap_or_else(|| panic!("erlc wrote no literal table (LitT); chunks: {original_ids:?}"));
    let was_compressed = compressed(litt.data);
    assert!(
        original.chunk(b"Line").is_some(),
        "no Line chunk: {original_ids:?}"
    );

    let stripped_bytes = strip(&original_bytes, StripOptions { keep_lines: true }).unwrap();
    check_stripped(&original_bytes, &stripped_bytes, "lits.beam");

    // A compressed table becomes LitU exactly where LitT was; a plain one stays LitT,
    // byte for byte (check_stripped), which AtomVM reads as it is.
    let stripped = Beam::parse(&stripped_bytes).unwrap();
    let stripped_ids = ids(&stripped);
    let (gone, kept) = if was_compressed {
        ("LitT", "LitU")
    } else {
        ("LitU", "LitT")
    };
    let litt_before = original_ids
        .iter()
        .filter(|id| KEPT_CHUNKS.iter().any(|k| k.as_slice() == id.as_bytes()) || *id == "Line")
        .position(|id| id == "LitT");
    let literals_after = stripped_ids.iter().position(|id| id == kept);
    assert!(litt_before.is_some());
    assert_eq!(
        litt_before, literals_after,
        "{original_ids:?} -> {stripped_ids:?}"
    );
    assert!(
        !stripped_ids.iter().any(|id| id == gone),
        "{stripped_ids:?}"
    );
    assert!(stripped.chunk(b"Line").is_some());
    assert!(stripped.chunk(b"Dbgi").is_none() && stripped.chunk(b"CInf").is_none());
    assert!(stripped_bytes.len() < original_bytes.len());

    let info = ModuleInfo::read(&stripped).unwrap();
    assert_eq!(info.name, "lits");
    assert!(info.exports("start", 0), "exports: {:?}", info.exports);
    assert!(info.exports("data", 0) && info.exports("more", 0));
    assert!(info.imported_modules().contains(&"lists"), "{info:?}");

    let stripped_path = dir.path().join("lits_stripped.beam");
    std::fs::write(&stripped_path, &stripped_bytes).unwrap();
    let output = run(
        "erl",
        &[
            "-noshell",
            "-eval",
            COMPARE_EVAL,
            "-extra",
            dir_str,
            original_path.to_str().unwrap(),
            stripped_path.to_str().unwrap(),
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("equal="))
        .unwrap_or_else(|| {
            panic!(
                "erl printed no result:\nstdout:\n{stdout}\nstderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let field = |name: &str| {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or_else(|| panic!("no `{name}` in `{line}`"))
            .to_owned()
    };
    println!("erl: {line}\noriginal: {original_ids:?}\nstripped: {stripped_ids:?}");
    assert_eq!(field("equal"), "true", "{line}");
    assert_eq!(field("raw_equal"), "true", "{line}");
    assert_eq!(field("member"), "true", "{line}");
    let count: u32 = field("count").parse().unwrap();
    assert!(count > 0, "{line}");

    // Without lines, only `Line` goes.
    let no_lines = strip(&original_bytes, StripOptions { keep_lines: false }).unwrap();
    let no_lines_ids = ids(&Beam::parse(&no_lines).unwrap());
    let mut expected = stripped_ids.clone();
    expected.retain(|id| id != "Line");
    assert_eq!(no_lines_ids, expected);
    was_compressed
}

/// Literal tables as this release's `erlc` writes them by default: compressed until
/// OTP 27, plain from OTP 28.
#[test]
fn stripped_literals_decode_to_the_same_terms_in_erl() {
    let was_compressed = check_literals_module(&[]);
    println!("this release's erlc compresses literal tables: {was_compressed}");
}

/// `+compressed_literals` (OTP 28's option for the old format; earlier releases
/// compress anyway and ignore it) gives a compressed table on every release, so
/// inflating into `LitU` is checked against real `erlc` output everywhere.
#[test]
fn compressed_literals_are_inflated_on_every_release() {
    assert!(
        check_literals_module(&["+compressed_literals"]),
        "erlc +compressed_literals wrote a plain literal table"
    );
}

fn stdlib_ebin() -> PathBuf {
    let output = run(
        "erl",
        &[
            "-noshell",
            "-eval",
            r#"io:format("~s", [code:lib_dir(stdlib)]), halt()."#,
        ],
    );
    let dir = String::from_utf8(output.stdout).unwrap();
    let ebin = Path::new(dir.trim()).join("ebin");
    assert!(ebin.is_dir(), "{} is not a directory", ebin.display());
    ebin
}

#[test]
fn strips_every_stdlib_module() {
    let ebin = stdlib_ebin();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&ebin)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "beam"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 50,
        "only {} modules in {}",
        paths.len(),
        ebin.display()
    );

    let mut failures = Vec::new();
    let mut entries = Vec::new();
    // Modules whose literal table was inflated into LitU, and kept plain as LitT.
    let mut inflated = 0;
    let mut plain = 0;
    for path in &paths {
        let what = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let stripped = match strip(&bytes, StripOptions { keep_lines: true }) {
            Ok(stripped) => stripped,
            Err(err) => {
                failures.push(format!("{what}: {err}"));
                continue;
            }
        };
        check_stripped(&bytes, &stripped, &what);
        let beam = Beam::parse(&stripped).unwrap();
        inflated += usize::from(beam.chunk(b"LitU").is_some());
        plain += usize::from(beam.chunk(b"LitT").is_some());
        let info = ModuleInfo::read(&beam).unwrap();
        assert_eq!(format!("{}.beam", info.name), what);
        entries.push(Entry::beam(what, stripped, entries.is_empty()));
    }
    assert!(
        failures.is_empty(),
        "strip failed for:\n{}",
        failures.join("\n")
    );
    // Which of the two this release's stdlib has (compressed until OTP 27, plain from
    // OTP 28) is not hard-coded: check_stripped checked each module's against its
    // original. Most modules have literals either way.
    assert!(
        (inflated + plain) * 2 > entries.len(),
        "only {inflated} inflated and {plain} plain literal tables in {} modules",
        entries.len()
    );
    println!(
        "stripped {} stdlib modules, {inflated} with inflated literals, {plain} with plain ones",
        entries.len()
    );

    // The whole of stdlib, stripped, packs into an archive and reads back intact.
    let archive_bytes = avm::write(&entries).unwrap();
    let archive = avm::read(&archive_bytes).unwrap();
    assert_eq!(archive.entries, entries);
    assert_eq!(archive.len, archive_bytes.len());
}

/// The running `erl`'s major release.
fn otp_release() -> u32 {
    let output = run(
        "erl",
        &[
            "-noshell",
            "-eval",
            r#"io:format("~s", [erlang:system_info(otp_release)]), halt()."#,
        ],
    );
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap()
}

/// OTP 28 writes a negative atom count and compact-encoded lengths in `AtU8`, so an
/// atom may take more than 255 bytes (here 100 three-byte characters); earlier
/// compilers cannot write such a module at all.
#[test]
fn otp28_long_atoms_are_read_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let long = "\u{65e5}".repeat(100);
    let src = dir.path().join("long_atoms.erl");
    std::fs::write(
        &src,
        format!("-module(long_atoms).\n-export(['{long}'/0]).\n'{long}'() -> '{long}'.\n"),
    )
    .unwrap();
    let compiled = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .output()
        .expect("cannot run `erlc`");
    let release = otp_release();
    if release < 28 {
        assert!(
            !compiled.status.success(),
            "OTP {release}'s erlc wrote an atom of 300 bytes; this test expects that only \
             from OTP 28"
        );
        return;
    }
    assert!(
        compiled.status.success(),
        "erlc failed: {}",
        String::from_utf8_lossy(&compiled.stderr)
    );
    let bytes = std::fs::read(dir.path().join("long_atoms.beam")).unwrap();
    let beam = Beam::parse(&bytes).unwrap();
    let count = i32::from_be_bytes(beam.chunk(b"AtU8").unwrap().data[..4].try_into().unwrap());
    assert!(count < 0, "OTP {release} wrote atom count {count}");
    let info = ModuleInfo::read(&beam).unwrap();
    assert_eq!(info.name, "long_atoms");
    assert!(info.exports(&long, 0), "exports: {:?}", info.exports);
    let stripped = strip(&bytes, StripOptions { keep_lines: true }).unwrap();
    check_stripped(&bytes, &stripped, "long_atoms.beam");
}
