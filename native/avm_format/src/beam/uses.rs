//! What a module needs from the system it runs on: the remote functions it calls
//! (`call_ext*`, BIF instructions), the `fun M:F/A` literals it holds, the targets of
//! `apply` whose module and function are atoms the code just loaded, and the
//! instructions it uses — each with the source file and line of its first use.
//! `mix atomvm.check` compares these with what an AtomVM release provides.

use super::code::{self, CodeError, Instruction};
use super::info::ModuleInfo;
use super::lines::{self, LineError, LineTable};
use super::literals::literal_table;
use super::opcodes::Opcode;
use super::{Beam, BeamError};
use crate::compact::{Operand, Register};
use crate::etf::{self, EtfError, Term};
use std::collections::{BTreeMap, HashMap, HashSet};
use thiserror::Error;

/// Why a module's uses cannot be read.
#[derive(Debug, Error)]
pub enum UsesError {
    /// The container or its tables.
    #[error(transparent)]
    Beam(#[from] BeamError),
    /// The `Code` chunk.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// The `Line` chunk.
    #[error(transparent)]
    Lines(#[from] LineError),
    /// A literal that does not decode.
    #[error("literal {index}: {source}")]
    Literal {
        /// Its index in the literal table.
        index: usize,
        /// What is wrong with it.
        source: EtfError,
    },
    /// An operand that names an import, atom or literal the tables do not have.
    #[error("`{opcode}` refers to {what} {index}, which the module's tables do not have")]
    Dangling {
        /// The instruction's name.
        opcode: &'static str,
        /// "import", "atom" or "literal".
        what: &'static str,
        /// The index it gives.
        index: u64,
    },
}

/// How a module reaches a remote function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UseKind {
    /// A call (`call_ext*`, `bif*`, `gc_bif*`).
    Call,
    /// A `fun M:F/A` literal.
    Fun,
    /// `apply` with an atom module and function.
    Apply,
}

impl UseKind {
    /// `call`, `fun` or `apply`.
    pub fn name(self) -> &'static str {
        match self {
            UseKind::Call => "call",
            UseKind::Fun => "fun",
            UseKind::Apply => "apply",
        }
    }
}

/// One remote function a module uses, where it first does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Use {
    /// How.
    pub kind: UseKind,
    /// The module.
    pub module: String,
    /// The function.
    pub function: String,
    /// The arity (`None`: an `apply` whose argument list is not a literal).
    pub arity: Option<u32>,
    /// Source file, when the module has line information.
    pub file: Option<String>,
    /// Source line (0: unknown).
    pub line: u32,
}

/// One instruction a module uses: how often, and where first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpcodeUse {
    /// The instruction.
    pub opcode: Opcode,
    /// How many times it occurs.
    pub count: u32,
    /// Source file of its first occurrence, when known.
    pub file: Option<String>,
    /// Source line of its first occurrence (0: unknown).
    pub line: u32,
}

/// What [`read`] finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uses {
    /// The module's name.
    pub module: String,
    /// The highest opcode the `Code` header declares.
    pub max_opcode: u32,
    /// Remote functions used, each once per (kind, target, place), sorted.
    pub calls: Vec<Use>,
    /// Instructions used, by opcode number.
    pub opcodes: Vec<OpcodeUse>,
}

/// Reads what `beam` uses.
pub fn read(beam: &Beam<'_>) -> Result<Uses, UsesError> {
    let info = ModuleInfo::read(beam)?;
    let atoms = super::info::atoms(beam)?;
    let code = code::decode(beam.require(b"Code")?.data)?;
    let lines = match beam.chunk(b"Line") {
        Some(chunk) => lines::read(chunk.data)?,
        None => LineTable::default(),
    };
    let funs = literal_funs(beam)?;
    let mut walk = Walk {
        info: &info,
        atoms: &atoms,
        lines: &lines,
        funs: &funs,
        line: 0,
        x_atoms: HashMap::new(),
        calls: HashSet::new(),
        opcodes: BTreeMap::new(),
    };
    for instruction in &code.instructions {
        walk.step(instruction)?;
    }
    let mut calls: Vec<Use> = walk.calls.into_iter().collect();
    calls.sort();
    Ok(Uses {
        module: info.name.clone(),
        max_opcode: code.header.max_opcode,
        calls,
        opcodes: walk.opcodes.into_values().collect(),
    })
}

/// A remote function: module, function, arity.
type Target = (String, String, u32);

/// The `fun M:F/A` terms inside each literal, by literal index.
fn literal_funs(beam: &Beam<'_>) -> Result<HashMap<u32, Vec<Target>>, UsesError> {
    let mut out = HashMap::new();
    for (index, bytes) in literal_table(beam)?.iter().enumerate() {
        let term = etf::decode(bytes).map_err(|source| UsesError::Literal { index, source })?;
        let mut found = Vec::new();
        let mut stack = vec![&term];
        while let Some(t) = stack.pop() {
            match t {
                Term::ExportFun {
                    module,
                    function,
                    arity,
                } => {
                    if let (Term::Atom(m), Term::Atom(f)) = (&**module, &**function) {
                        found.push((m.clone(), f.clone(), u32::from(*arity)));
                    }
                }
                Term::List { elements, tail } => {
                    stack.extend(elements);
                    stack.push(tail);
                }
                Term::Tuple(elements) => stack.extend(elements),
                Term::Map(pairs) => {
                    for (k, v) in pairs {
                        stack.push(k);
                        stack.push(v);
                    }
                }
                Term::Fun { free_vars, .. } => stack.extend(free_vars),
                Term::Record { values, .. } => stack.extend(values),
                _ => {}
            }
        }
        if !found.is_empty() {
            out.insert(u32::try_from(index).unwrap_or(u32::MAX), found);
        }
    }
    Ok(out)
}

struct Walk<'a> {
    info: &'a ModuleInfo,
    atoms: &'a [String],
    lines: &'a LineTable,
    funs: &'a HashMap<u32, Vec<Target>>,
    /// The item of the last `line` instruction.
    line: usize,
    /// x registers that hold an atom the code moved there since the last label or call.
    x_atoms: HashMap<u32, String>,
    calls: HashSet<Use>,
    opcodes: BTreeMap<u8, OpcodeUse>,
}

impl Walk<'_> {
    fn place(&self) -> (Option<String>, u32) {
        match self.lines.location(self.line) {
            Some((file, line)) => (Some(file.to_owned()), line),
            None => (None, 0),
        }
    }

    fn step(&mut self, instruction: &Instruction) -> Result<(), UsesError> {
        let op = instruction.opcode;
        let args = &instruction.args;
        if op == Opcode::line {
            if let Some(Operand::Unsigned(item)) = args.first() {
                self.line = usize::try_from(*item).unwrap_or(0);
            }
        }
        let (file, line) = self.place();
        self.opcodes
            .entry(op as u8)
            .and_modify(|u| u.count += 1)
            .or_insert(OpcodeUse {
                opcode: op,
                count: 1,
                file: file.clone(),
                line,
            });
        for arg in args {
            self.literal_uses(arg);
        }
        let import_at = match op {
            Opcode::call_ext | Opcode::call_ext_last | Opcode::call_ext_only => Some(1),
            Opcode::bif0 => Some(0),
            Opcode::bif1 | Opcode::bif2 | Opcode::bif3 => Some(1),
            Opcode::gc_bif1 | Opcode::gc_bif2 | Opcode::gc_bif3 => Some(2),
            _ => None,
        };
        if let Some(at) = import_at {
            let (m, f, a) = self.import(op, args.get(at))?;
            if (m.as_str(), f.as_str(), a) == ("erlang", "apply", 3) {
                self.apply(0, 1, None);
            }
            self.record(UseKind::Call, m, f, Some(a));
        }
        match op {
            Opcode::apply | Opcode::apply_last => {
                if let Some(Operand::Unsigned(arity)) = args.first() {
                    let arity = u32::try_from(*arity).unwrap_or(u32::MAX);
                    self.apply(arity, arity.saturating_add(1), Some(arity));
                }
            }
            Opcode::r#move => {
                if let (Some(src), Some(Operand::Reg(Register::X(x)))) = (args.first(), args.get(1))
                {
                    match src {
                        Operand::Atom(index) => {
                            let name = self.atom(op, *index)?;
                            self.x_atoms.insert(*x, name);
                        }
                        _ => {
                            self.x_atoms.remove(x);
                        }
                    }
                }
            }
            Opcode::label
            | Opcode::call
            | Opcode::call_last
            | Opcode::call_only
            | Opcode::call_ext
            | Opcode::call_ext_last
            | Opcode::call_ext_only
            | Opcode::call_fun
            | Opcode::call_fun2 => self.x_atoms.clear(),
            _ => {}
        }
        Ok(())
    }

    fn apply(&mut self, module_x: u32, function_x: u32, arity: Option<u32>) {
        if let (Some(m), Some(f)) = (self.x_atoms.get(&module_x), self.x_atoms.get(&function_x)) {
            let (m, f) = (m.clone(), f.clone());
            self.record(UseKind::Apply, m, f, arity);
        }
    }

    fn record(&mut self, kind: UseKind, module: String, function: String, arity: Option<u32>) {
        let (file, line) = self.place();
        self.calls.insert(Use {
            kind,
            module,
            function,
            arity,
            file,
            line,
        });
    }

    fn literal_uses(&mut self, arg: &Operand) {
        match arg {
            Operand::Literal(index) => {
                if let Some(funs) = self.funs.get(index) {
                    for (m, f, a) in funs.clone() {
                        self.record(UseKind::Fun, m, f, Some(a));
                    }
                }
            }
            Operand::List(items) => {
                for item in items {
                    self.literal_uses(item);
                }
            }
            _ => {}
        }
    }

    fn import(
        &self,
        op: Opcode,
        arg: Option<&Operand>,
    ) -> Result<(String, String, u32), UsesError> {
        let dangling = |index| UsesError::Dangling {
            opcode: op.name(),
            what: "import",
            index,
        };
        let Some(Operand::Unsigned(index)) = arg else {
            return Err(dangling(u64::MAX));
        };
        let i = usize::try_from(*index).map_err(|_| dangling(*index))?;
        self.info
            .imports
            .get(i)
            .cloned()
            .ok_or_else(|| dangling(*index))
    }

    fn atom(&self, op: Opcode, index: u32) -> Result<String, UsesError> {
        index
            .checked_sub(1)
            .and_then(|i| self.atoms.get(i as usize))
            .cloned()
            .ok_or(UsesError::Dangling {
                opcode: op.name(),
                what: "atom",
                index: u64::from(index),
            })
    }
}
