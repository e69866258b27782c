//! A loaded module: its translated code and the tables that go with it.

mod instr;

pub use instr::{
    BsCommand, BsSegment, BsSize, BsType, Compare, Dst, FDst, FOp, FSrc, Instr, Label, NativeFn,
    Src, TypeTest, NO_GC, NO_LABEL,
};

use std::collections::HashMap;

/// An imported function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mfa {
    /// Module atom index.
    pub module: u32,
    /// Function atom index.
    pub function: u32,
    /// Arity.
    pub arity: u8,
}

/// A fun defined in the module (`FunT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lambda {
    /// The generated function's name (atom index).
    pub name: u32,
    /// Arity including free variables.
    pub arity: u8,
    /// Entry point.
    pub entry: Label,
    /// Number of free variables.
    pub free: u8,
    /// `OldIndex` of the fun table.
    pub old_index: u32,
    /// `OldUniq` of the fun table.
    pub old_uniq: u32,
}

/// A function's extent in the code, for stack traces and `function_clause`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Function {
    /// Name (atom index).
    pub name: u32,
    /// Arity.
    pub arity: u8,
    /// Index of its `FuncInfo` instruction.
    pub start: Label,
}

/// A module's facts for `module_info/0,1`.
#[derive(Debug, Clone, Default)]
pub struct ModuleInfo {
    /// The exports in the order of the module's export table.
    pub export_order: Vec<(u32, u8)>,
    /// The `Attr` chunk: the external term format of the attribute list.
    pub attributes: Vec<u8>,
    /// The `CInf` chunk: the external term format of the compile information.
    pub compile: Vec<u8>,
    /// The module's MD5.
    pub md5: [u8; 16],
}

/// A loaded module.
#[derive(Debug, Clone)]
pub struct Module {
    /// Index in the VM's module table.
    pub index: u32,
    /// Name (atom index).
    pub name: u32,
    /// Translated code.
    pub code: Vec<Instr>,
    /// Exported functions: (name, arity) → entry.
    pub exports: HashMap<(u32, u8), Label>,
    /// Every function, in code order.
    pub functions: Vec<Function>,
    /// Imports, by `ImpT` index.
    pub imports: Vec<Mfa>,
    /// Funs, by `FunT` index.
    pub lambdas: Vec<Lambda>,
    /// For stack traces: (first instruction index, line, file number) in code order.
    pub lines: Vec<(Label, u32, u32)>,
    /// The source file name for locations without a line, from the `Line` chunk or
    /// the module's name.
    pub file: Option<String>,
    /// The files of the line table by number (0: the module's own, `MODULE.erl`).
    pub files: Vec<String>,
    /// What `module_info/0,1` reports beyond the code.
    pub info: ModuleInfo,
    /// Native record definitions (OTP 29 `Recs` chunk).
    pub records: Vec<std::rc::Rc<crate::records::RecordDef>>,
}

impl Module {
    /// The definition of record `name` (an atom index), if the module has it.
    pub fn record(&self, name: u32) -> Option<&std::rc::Rc<crate::records::RecordDef>> {
        self.records.iter().find(|r| r.name == name)
    }
}

impl Module {
    /// The function containing instruction `ip`.
    pub fn function_at(&self, ip: Label) -> Option<&Function> {
        let i = self.functions.partition_point(|f| f.start <= ip);
        self.functions.get(i.checked_sub(1)?)
    }

    /// The source line of instruction `ip`, if known.
    pub fn line_at(&self, ip: Label) -> Option<u32> {
        self.location_at(ip).map(|(line, _)| line)
    }

    /// The source file of instruction `ip`: the file of its line (none without one).
    pub fn file_at(&self, ip: Label) -> Option<&str> {
        // Without a line (code the compiler gave none, such as module_info/0,1), the
        // BEAM names no file either.
        let (_, file) = self.location_at(ip)?;
        self.files
            .get(file as usize)
            .or(self.file.as_ref())
            .map(String::as_str)
    }

    fn location_at(&self, ip: Label) -> Option<(u32, u32)> {
        let i = self.lines.partition_point(|(start, _, _)| *start <= ip);
        self.lines
            .get(i.checked_sub(1)?)
            .map(|(_, line, file)| (*line, *file))
            .filter(|(l, _)| *l > 0)
    }
}
