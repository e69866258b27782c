//! `erlang:memory/0,1`: the bytes the VM holds, by the BEAM's categories. `binary` counts
//! each off-heap binary once however many processes, tables and literals refer to it
//! (a refc binary on the BEAM); the others are this VM's own allocations.

use std::collections::HashSet;

use super::arg;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// The categories, in the order `memory/0` lists them.
const KINDS: [&str; 9] = [
    "total",
    "processes",
    "processes_used",
    "system",
    "atom",
    "atom_used",
    "binary",
    "code",
    "ets",
];

/// `erlang:memory()`: `[{Kind, Bytes}]` for every kind.
pub fn memory0(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let sizes = Sizes::measure(ctx);
    let pairs: Vec<Term> = KINDS
        .iter()
        .map(|kind| {
            let key = ctx.atom(kind);
            let value = ctx.heap().int(sizes.of(kind).unwrap_or(0) as i64);
            ctx.heap().tuple(&[key, value])
        })
        .collect();
    Ok(ctx.heap().list(&pairs))
}

/// `erlang:memory(Kind | [Kind])`: the bytes of one kind, or `[{Kind, Bytes}]`;
/// `badarg` for an unknown kind.
pub fn memory1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let request = arg(args, 0);
    let name = |ctx: &Context<'_>, t: Term| {
        t.as_atom()
            .map(|a| ctx.vm.atoms.name(a).to_owned())
            .ok_or_else(Exception::badarg)
    };
    let sizes = Sizes::measure(ctx);
    if request.as_atom().is_some() {
        let kind = name(ctx, request)?;
        let bytes = sizes.of(&kind).ok_or_else(Exception::badarg)?;
        return Ok(ctx.heap().int(bytes as i64));
    }
    let kinds = ctx
        .mem()
        .list_elements(request)
        .ok_or_else(Exception::badarg)?;
    let mut pairs = Vec::with_capacity(kinds.len());
    for kind in kinds {
        let bytes = sizes.of(&name(ctx, kind)?).ok_or_else(Exception::badarg)?;
        let value = ctx.heap().int(bytes as i64);
        pairs.push(ctx.heap().tuple(&[kind, value]));
    }
    Ok(ctx.heap().list(&pairs))
}

struct Sizes {
    processes: usize,
    atom: usize,
    binary: usize,
    code: usize,
    ets: usize,
}

impl Sizes {
    fn measure(ctx: &Context<'_>) -> Sizes {
        let vm = &*ctx.vm;
        let procs = std::iter::once(&*ctx.proc).chain(vm.procs.iter().flatten().map(|p| &**p));
        let processes = procs.clone().map(|p| p.memory()).sum();
        let mut seen = HashSet::new();
        let binary = procs
            .flat_map(|p| p.heap.offheap.iter())
            .chain(vm.literals.offheap.iter())
            .chain(vm.ets.binaries())
            .filter(|bin| seen.insert(std::sync::Arc::as_ptr(bin)))
            .map(|bin| bin.len())
            .sum();
        let atom = (0..vm.atoms.len() as u32)
            .map(|a| vm.atoms.name(a).len() + 16)
            .sum();
        let code = vm
            .modules
            .iter()
            .map(|m| m.code.capacity() * std::mem::size_of::<crate::module::Instr>())
            .sum::<usize>()
            + vm.literals.words.capacity() * 8;
        Sizes {
            processes,
            atom,
            binary,
            code,
            ets: vm.ets.memory(),
        }
    }

    fn of(&self, kind: &str) -> Option<usize> {
        let system = self.atom + self.binary + self.code + self.ets;
        Some(match kind {
            "total" => self.processes + system,
            "processes" | "processes_used" => self.processes,
            "system" => system,
            "atom" | "atom_used" => self.atom,
            "binary" => self.binary,
            "code" => self.code,
            "ets" => self.ets,
            _ => return None,
        })
    }
}
