//! The atom table: every atom the VM knows, interned once, looked up by index.

use std::collections::HashMap;

macro_rules! predefined {
    ($($name:ident = $text:literal,)*) => {
        /// Atoms the VM itself refers to, interned first so their indexes are constants.
        #[allow(non_upper_case_globals, missing_docs)]
        pub mod atoms {
            use crate::term::Term;
            predefined!(@consts 0u32, $($name,)*);
        }

        const PREDEFINED: &[&str] = &[$($text,)*];
    };
    (@consts $n:expr, $name:ident, $($rest:ident,)*) => {
        pub const $name: Term = Term::atom($n);
        predefined!(@consts $n + 1, $($rest,)*);
    };
    (@consts $n:expr,) => {};
}

predefined! {
    false_ = "false",
    true_ = "true",
    ok = "ok",
    error = "error",
    exit = "exit",
    throw = "throw",
    undefined = "undefined",
    badarg = "badarg",
    badarith = "badarith",
    badmatch = "badmatch",
    function_clause = "function_clause",
    case_clause = "case_clause",
    if_clause = "if_clause",
    try_clause = "try_clause",
    undef = "undef",
    badfun = "badfun",
    badarity = "badarity",
    badkey = "badkey",
    badmap = "badmap",
    badrecord = "badrecord",
    system_limit = "system_limit",
    nocatch = "nocatch",
    normal = "normal",
    kill = "kill",
    killed = "killed",
    noproc = "noproc",
    erlang = "erlang",
    start = "start",
    line = "line",
    file = "file",
    nil = "nil",
    infinity = "infinity",
    timeout = "timeout",
    EXIT = "EXIT",
    DOWN = "DOWN",
    process = "process",
    trap_exit = "trap_exit",
    module_info = "module_info",
    error_info = "error_info",
    nonode_nohost = "nonode@nohost",
    badfile = "badfile",
    apply = "apply",
    raw_trace = "$raw_trace",
    unicode = "unicode",
    latin1 = "latin1",
    io_request = "io_request",
    io_reply = "io_reply",
    put_chars = "put_chars",
    value = "value",
    spawn = "spawn",
    module = "module",
    iterator = "iterator",
    none = "none",
    socket_tag = "$socket",
    select = "select",
    abort = "abort",
    closed = "closed",
    ready_input = "ready_input",
    ready_output = "ready_output",
    port = "port",
    data = "data",
    eof = "eof",
    eol = "eol",
    noeol = "noeol",
    exit_status = "exit_status",
}

/// Interns atom texts.
#[derive(Debug, Clone)]
pub struct AtomTable {
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Default for AtomTable {
    fn default() -> Self {
        let mut table = AtomTable {
            names: Vec::new(),
            index: HashMap::new(),
        };
        for name in PREDEFINED {
            table.intern(name);
        }
        table
    }
}

impl AtomTable {
    /// The index of `name`, interning it if new.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.into());
        self.index.insert(name.into(), i);
        i
    }

    /// The index of `name`, if it is already an atom.
    pub fn lookup(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// The text of atom `index` (`""` for an index never handed out).
    pub fn name(&self, index: u32) -> &str {
        self.names.get(index as usize).map_or("", |n| n)
    }

    /// How many atoms exist.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty (never, in practice).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_fixed_indexes() {
        let mut table = AtomTable::default();
        assert_eq!(
            atoms::ok.as_atom().map(|i| table.name(i).to_owned()),
            Some("ok".into())
        );
        assert_eq!(table.intern("true"), atoms::true_.as_atom().unwrap());
        let new = table.intern("fresh");
        assert_eq!(table.intern("fresh"), new);
        assert_eq!(table.name(new), "fresh");
        assert_eq!(table.lookup("nope"), None);
    }
}
