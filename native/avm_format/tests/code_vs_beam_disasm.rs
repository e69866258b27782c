//! Differential test of the `Code` decoder: for every module of the installed Erlang/OTP
//! (all applications) and Elixir (`elixir`, `logger`, `mix`, `ex_unit`, `eex`, `iex`),
//! compiled by whichever releases built the installed packages, the instruction names
//! decoded here must be those `beam_disasm` (OTP's own disassembler) lists, in the same
//! order, and the header's label and function counts must match the code. Where
//! beam_disasm's output changed between releases, the script below normalises it, or
//! asks the running release how it behaves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avm_format::beam::code::{self, Code};
use avm_format::beam::{Beam, Opcode};
use avm_format::compact::{Operand, Register};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

/// Prints `line_before_label<TAB>BOOL` (see [`LINE_BEFORE_LABEL`]), then
/// `PATH<TAB>op op op…<TAB>leaves` per module, where leaves are the registers,
/// integers and atoms among the operands (outside literals) in order, separated by
/// 0x1F; and normalises beam_disasm's resolved forms
/// (`{test,Op,…}`, `{bif,…}`, `{gc_bif,…}`, `{arithfbif,Op,…}`) back to opcode names.
/// Each release's beam_disasm resolves a little differently; the clauses say which.
const DISASM: &str = r#"
main([ListFile]) ->
    io:format("line_before_label\t~p~n", [line_before_label()]),
    {ok, Bin} = file:read_file(ListFile),
    Files = string:lexemes(binary_to_list(Bin), "\n"),
    [one(F) || F <- Files],
    ok.
%% Whether this beam_disasm lists the `line` between a function's label and its
%% func_info before the label, as releases before OTP 29 do for every function but
%% the first: asked of a module of two functions compiled here.
line_before_label() ->
    Forms = [{attribute, 1, module, disasm_probe}, {attribute, 1, export, [{f, 0}, {g, 0}]},
             {function, 2, f, 0, [{clause, 2, [], [], [{atom, 2, a}]}]},
             {function, 3, g, 0, [{clause, 3, [], [], [{atom, 3, b}]}]}],
    {ok, disasm_probe, Beam} = compile:forms(Forms, [binary]),
    {beam_file, _, _, _, _, [_, {function, g, 0, _, [First | _]} | _]} = beam_disasm:file(Beam),
    element(1, First) =:= line.
one(F) ->
    {beam_file, _, _, _, _, Funs} = beam_disasm:file(F),
    Code = [I || {function, _, _, _, Is} <- Funs, I <- Is],
    Names = [atom_to_list(norm(I)) || I <- Code],
    Leaves = lists:flatmap(fun leaves/1, Code),
    io:format("~ts\t~ts\t~ts~n", [F, lists:join(" ", Names), lists:join([31], Leaves)]).
leaves({x, N}) when is_integer(N) -> ["x" ++ integer_to_list(N)];
leaves({y, N}) when is_integer(N) -> ["y" ++ integer_to_list(N)];
leaves({integer, N}) when is_integer(N) -> ["i" ++ integer_to_list(N)];
%% Instructions beam_disasm does not resolve (bs_create_bin on OTP 25) keep raw tags.
leaves({i, N}) when is_integer(N) -> ["i" ++ integer_to_list(N)];
leaves({atom, A}) when is_atom(A) -> ["a" ++ atom_to_list(A)];
leaves({literal, _}) -> [];
%% beam_disasm shows raise/2 with an implied destination {x,0} that the file lacks.
leaves({raise, _, Args, {x, 0}}) -> leaves(Args);
%% From OTP 27 it shows raise/2 as a bif (there is no raise/2 bif).
leaves({bif, raise, _, [_, _] = Args, {x, 0}}) -> leaves(Args);
leaves({tr, Reg, _Type}) -> leaves(Reg);
%% From OTP 26 beam_disasm makes bs_match's flat command list into one tuple per
%% command, tagged with the command's name, which the file holds as an atom operand.
leaves({commands, Cmds}) when is_list(Cmds) ->
    lists:flatmap(fun(Cmd) ->
                          [Name | Args] = tuple_to_list(Cmd),
                          ["a" ++ atom_to_list(Name) | leaves(Args)]
                  end, Cmds);
leaves(T) when is_tuple(T) -> lists:flatmap(fun leaves/1, tuple_to_list(T));
leaves(L) when is_list(L) -> lists:flatmap(fun leaves/1, L);
leaves(_) -> [].
norm(I) when is_atom(I) -> I;
%% From OTP 27 raise/2 and the float arithmetic instructions are shown as bifs (no
%% bif has their names).
norm({bif, raise, _, [_, _], {x, 0}}) -> raise;
norm({bif, Op, _, _, _}) when Op =:= fadd; Op =:= fsub; Op =:= fmul; Op =:= fdiv;
                              Op =:= fnegate -> Op;
%% OTP 29's native record tests.
norm({test, is_record, _, _}) -> is_any_native_record;
norm({test, is_record, _, _, _, _}) -> is_native_record;
norm(I) when element(1, I) =:= test -> element(2, I);
norm({bif, _, _, Args, _}) -> list_to_atom("bif" ++ integer_to_list(length(Args)));
norm({gc_bif, _, _, _, Args, _}) -> list_to_atom("gc_bif" ++ integer_to_list(length(Args)));
norm({arithfbif, Op, _, _, _}) -> Op;
norm(I) -> element(1, I).
"#;

fn erl_lib_dirs() -> Vec<PathBuf> {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            r#"[io:format("~s~n", [filename:dirname(D)]) || D <- filelib:wildcard(filename:join(code:lib_dir(), "*/ebin"))], halt()."#,
        ])
        .output()
        .expect("`erl` must be installed (apt-get install erlang-nox) for this test");
    let mut dirs: Vec<PathBuf> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| PathBuf::from(l).join("ebin"))
        .collect();
    let elixir = Command::new("elixir")
        .args(["-e", r#"for a <- [:elixir, :logger, :mix, :ex_unit, :eex, :iex], do: IO.puts(:code.lib_dir(a))"#])
        .output()
        .expect("`elixir` must be installed for this test");
    dirs.extend(
        String::from_utf8(elixir.stdout)
            .unwrap()
            .lines()
            .map(|l| PathBuf::from(l).join("ebin")),
    );
    dirs
}

fn beam_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = erl_lib_dirs()
        .into_iter()
        .flat_map(|dir| {
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "beam"))
        .collect();
    files.sort();
    files
}

/// What beam_disasm says of one module.
struct Disasm {
    names: Vec<String>,
    leaves: Vec<String>,
}

/// What beam_disasm says of every module, and whether it lists the `line` before each
/// function's `label` (its `line_before_label`).
fn beam_disasm(files: &[PathBuf]) -> (HashMap<String, Disasm>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("disasm.erl");
    std::fs::write(
        &script,
        format!("-module(disasm).\n-export([main/1]).\n{DISASM}"),
    )
    .unwrap();
    let list = dir.path().join("files.txt");
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    std::fs::write(&list, paths.join("\n")).unwrap();
    let compiled = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&script)
        .status()
        .expect("`erlc` must be installed for this test");
    assert!(compiled.success());
    let out = Command::new("erl")
        .arg("-noshell")
        .arg("-pa")
        .arg(dir.path())
        .args(["-run", "disasm", "main"])
        .arg(&list)
        .args(["-s", "init", "stop"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let line_before_label = match lines.next() {
        Some("line_before_label\ttrue") => true,
        Some("line_before_label\tfalse") => false,
        other => panic!("the disassembly script printed {other:?} first"),
    };
    let modules = lines
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let (path, names, leaves) = (fields.next()?, fields.next()?, fields.next()?);
            let disasm = Disasm {
                names: names.split(' ').map(str::to_owned).collect(),
                leaves: leaves
                    .split('\u{1f}')
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            };
            Some((path.to_owned(), disasm))
        })
        .collect();
    (modules, line_before_label)
}

fn decode_file(path: &PathBuf) -> Code {
    let bytes = std::fs::read(path).unwrap();
    let beam = Beam::parse(&bytes).unwrap();
    let chunk = beam.chunk(b"Code").unwrap();
    code::decode(chunk.data).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn decoded_instructions_match_beam_disasm_for_otp_and_elixir() {
    let files = beam_files();
    assert!(files.len() > 1000, "found only {} modules", files.len());
    let (expected, line_before_label) = beam_disasm(&files);
    assert_eq!(
        expected.len(),
        files.len(),
        "beam_disasm listed fewer modules"
    );
    let mut instructions = 0;
    let mut operands = 0;
    for path in &files {
        let code = decode_file(path);
        let mut ours: Vec<&str> = code.instructions.iter().map(|i| i.opcode.name()).collect();
        assert_eq!(ours.pop(), Some("int_code_end"));
        // When beam_disasm before OTP 29 splits the code into functions it puts the
        // entry `line` of every function but the first before its first `label`:
        // `label, line, func_info` in the file reads `line, label, func_info` there.
        if line_before_label {
            for i in 1..ours.len().saturating_sub(2) {
                if ours[i..i + 3] == ["label", "line", "func_info"] {
                    ours.swap(i, i + 1);
                }
            }
        }
        let disasm = &expected[&path.display().to_string()];
        let theirs = &disasm.names;
        if ours != *theirs {
            let at = ours
                .iter()
                .zip(theirs)
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(theirs.len()));
            panic!(
                "{}: instruction {at} differs: ours {:?}, beam_disasm {:?} (lengths {} vs {})",
                path.display(),
                ours.get(at.saturating_sub(2)..(at + 3).min(ours.len())),
                theirs.get(at.saturating_sub(2)..(at + 3).min(theirs.len())),
                ours.len(),
                theirs.len()
            );
        }
        instructions += ours.len();
        let (owners, leaves): (Vec<&str>, Vec<String>) =
            operand_leaves(path, &code).into_iter().unzip();
        if leaves != disasm.leaves {
            let at = leaves
                .iter()
                .zip(&disasm.leaves)
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let window = at.saturating_sub(2)..(at + 3).min(leaves.len());
            panic!(
                "{}: operand {at} differs: ours {:?} (of {:?}), beam_disasm {:?}",
                path.display(),
                leaves.get(window.clone()),
                owners.get(window.clone()),
                disasm
                    .leaves
                    .get(window.start..(at + 3).min(disasm.leaves.len()))
            );
        }
        operands += leaves.len();
    }
    assert!(
        instructions > 2_000_000,
        "only {instructions} instructions compared"
    );
    assert!(operands > 2_000_000, "only {operands} operands compared");
}

/// Registers, integers and atoms (by name) among a module's operands, in order, as
/// the disassembly script prints them, each with the name of its instruction.
fn operand_leaves<'c>(path: &PathBuf, code: &'c Code) -> Vec<(&'c str, String)> {
    let bytes = std::fs::read(path).unwrap();
    let atoms = avm_format::beam::info::atoms(&Beam::parse(&bytes).unwrap()).unwrap();
    let leaf = |op: &Operand| match op {
        Operand::Reg(Register::X(n))
        | Operand::TypedReg {
            reg: Register::X(n),
            ..
        } => Some(format!("x{n}")),
        Operand::Reg(Register::Y(n))
        | Operand::TypedReg {
            reg: Register::Y(n),
            ..
        } => Some(format!("y{n}")),
        Operand::Integer(n) => Some(format!("i{n}")),
        Operand::BigInteger(bytes) => Some(format!("i{}", big_to_decimal(bytes))),
        Operand::Atom(i) => Some(format!("a{}", atoms[*i as usize - 1])),
        _ => None,
    };
    let mut out = Vec::new();
    // The last instruction, int_code_end, is not in beam_disasm's function lists.
    for instruction in &code.instructions[..code.instructions.len() - 1] {
        let name = instruction.opcode.name();
        for arg in &instruction.args {
            let items = match arg {
                Operand::List(items) => items.as_slice(),
                other => std::slice::from_ref(other),
            };
            out.extend(items.iter().filter_map(leaf).map(|l| (name, l)));
        }
    }
    out
}

/// Decimal text of a big-endian two's-complement integer (for the rare huge operands).
fn big_to_decimal(bytes: &[u8]) -> String {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    // Magnitude as base-10^9 limbs.
    let mut magnitude: Vec<u8> = if negative {
        let mut inverted: Vec<u8> = bytes.iter().map(|b| !b).collect();
        for byte in inverted.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
        inverted
    } else {
        bytes.to_vec()
    };
    let mut digits = Vec::new();
    while magnitude.iter().any(|b| *b != 0) {
        let mut rem = 0u32;
        for byte in magnitude.iter_mut() {
            let cur = (rem << 8) | u32::from(*byte);
            *byte = (cur / 10) as u8;
            rem = cur % 10;
        }
        digits.push(char::from(b'0' + rem as u8));
    }
    if digits.is_empty() {
        digits.push('0');
    }
    let text: String = digits.iter().rev().collect();
    if negative {
        format!("-{text}")
    } else {
        text
    }
}

#[test]
fn header_counts_match_the_code() {
    for path in beam_files() {
        let code = decode_file(&path);
        let functions = code
            .instructions
            .iter()
            .filter(|i| i.opcode == Opcode::func_info)
            .count();
        let labels: Vec<u32> = code
            .instructions
            .iter()
            .filter(|i| i.opcode == Opcode::label)
            .map(|i| match i.args.first() {
                Some(Operand::Unsigned(n)) => u32::try_from(*n).unwrap(),
                other => panic!("{}: label operand {other:?}", path.display()),
            })
            .collect();
        assert_eq!(
            functions,
            code.header.functions as usize,
            "{}",
            path.display()
        );
        // Labels are numbered 1..labels-1, each defined once.
        assert_eq!(
            labels.len() + 1,
            code.header.labels as usize,
            "{}",
            path.display()
        );
        let mut sorted = labels.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (1..code.header.labels).collect::<Vec<_>>(),
            "{}",
            path.display()
        );
    }
}
