//! Terms as tagged 64-bit words, in the manner of BEAM.
//!
//! | low bits | meaning |
//! |---|---|
//! | `..00` | a header word (only inside the heap, first word of a boxed object) |
//! | `..01` | a list cell pointer: bit 2 is the area, bits 3.. the word index |
//! | `..10` | a boxed pointer: bit 2 is the area, bits 3.. the word index of the header |
//! | `0011` | a small integer in bits 4.. (60-bit, signed) |
//! | `0111` | a pid: process index in bits 4.. |
//! | `1011` | a port: index in bits 4.. |
//! | `00_1111` | an atom: index in bits 6.. |
//! | `01_1111` | a catch frame marker: a code address in bits 6.. |
//! | `10_1111` | `[]` |
//! | `11_1111` | special: `NONE` (no value) or a continuation pointer (code address in bits 8..) |
//!
//! The area bit of a pointer tells the process heap (0) from the VM's literal arena (1),
//! which holds module literals and is never collected.

mod header;

pub use header::{Header, HeaderKind};

/// A term: one tagged word.
#[derive(Clone, Copy, PartialEq, Eq, Hash, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(transparent)]
pub struct Term(pub u64);

/// Where a boxed or list pointer points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Area {
    /// The owning process's heap.
    #[default]
    Heap,
    /// The VM's literal arena.
    Literal,
}

/// A code address: module index and instruction index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeAddr {
    /// Index of the module in the VM's module table.
    pub module: u32,
    /// Index of the instruction in the module's code.
    pub ip: u32,
}

impl CodeAddr {
    /// The return address of a process's first function: returning there ends it.
    pub const EXIT: CodeAddr = CodeAddr {
        module: 0x00FF_FFFF,
        ip: u32::MAX,
    };
}

const TAG_PRIMARY: u64 = 0b11;
const PRIMARY_HEADER: u64 = 0b00;
const PRIMARY_LIST: u64 = 0b01;
const PRIMARY_BOXED: u64 = 0b10;
const TAG_IMMED1: u64 = 0b1111;
const IMMED1_SMALL: u64 = 0b0011;
const IMMED1_PID: u64 = 0b0111;
const IMMED1_PORT: u64 = 0b1011;
const TAG_IMMED2: u64 = 0b11_1111;
const IMMED2_ATOM: u64 = 0b00_1111;
const IMMED2_CATCH: u64 = 0b01_1111;
const IMMED2_NIL: u64 = 0b10_1111;
const IMMED2_SPECIAL: u64 = 0b11_1111;
const SPECIAL_CP: u64 = 0b01 << 6;

/// The largest small integer (2^59 - 1), as on 64-bit BEAM.
pub const MAX_SMALL: i64 = (1 << 59) - 1;
/// The smallest small integer (-2^59).
pub const MIN_SMALL: i64 = -(1 << 59);

impl Term {
    /// `[]`.
    pub const NIL: Term = Term(IMMED2_NIL);
    /// No value (an empty register, a failed BIF).
    pub const NONE: Term = Term(IMMED2_SPECIAL);

    /// A small integer, if `value` fits 60 bits.
    pub fn small(value: i64) -> Option<Term> {
        (MIN_SMALL..=MAX_SMALL)
            .contains(&value)
            .then_some(Term(((value as u64) << 4) | IMMED1_SMALL))
    }

    /// An atom by index.
    pub const fn atom(index: u32) -> Term {
        Term(((index as u64) << 6) | IMMED2_ATOM)
    }

    /// A pid by process index.
    pub const fn pid(index: u32) -> Term {
        Term(((index as u64) << 4) | IMMED1_PID)
    }

    /// A port by index.
    pub const fn port(index: u32) -> Term {
        Term(((index as u64) << 4) | IMMED1_PORT)
    }

    /// A catch marker holding its handler's address.
    pub fn catch(addr: CodeAddr) -> Term {
        Term((pack_addr(addr) << 6) | IMMED2_CATCH)
    }

    /// A continuation pointer.
    pub fn cp(addr: CodeAddr) -> Term {
        Term((pack_addr(addr) << 8) | SPECIAL_CP | IMMED2_SPECIAL)
    }

    /// A list cell pointer.
    pub fn list(area: Area, index: usize) -> Term {
        Term(((index as u64) << 3) | area_bit(area) | PRIMARY_LIST)
    }

    /// A boxed pointer.
    pub fn boxed(area: Area, index: usize) -> Term {
        Term(((index as u64) << 3) | area_bit(area) | PRIMARY_BOXED)
    }

    /// The raw word.
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Whether this is a header word.
    pub fn is_header(self) -> bool {
        self.0 & TAG_PRIMARY == PRIMARY_HEADER
    }

    /// The small integer's value.
    pub fn as_small(self) -> Option<i64> {
        (self.0 & TAG_IMMED1 == IMMED1_SMALL).then_some((self.0 as i64) >> 4)
    }

    /// The atom's index.
    pub fn as_atom(self) -> Option<u32> {
        (self.0 & TAG_IMMED2 == IMMED2_ATOM).then_some((self.0 >> 6) as u32)
    }

    /// The pid's process index.
    pub fn as_pid(self) -> Option<u32> {
        (self.0 & TAG_IMMED1 == IMMED1_PID).then_some((self.0 >> 4) as u32)
    }

    /// The port's index.
    pub fn as_port(self) -> Option<u32> {
        (self.0 & TAG_IMMED1 == IMMED1_PORT).then_some((self.0 >> 4) as u32)
    }

    /// The catch marker's handler address.
    pub fn as_catch(self) -> Option<CodeAddr> {
        (self.0 & TAG_IMMED2 == IMMED2_CATCH).then(|| unpack_addr(self.0 >> 6))
    }

    /// The continuation pointer's address.
    pub fn as_cp(self) -> Option<CodeAddr> {
        (self.0 & 0xFF == SPECIAL_CP | IMMED2_SPECIAL).then(|| unpack_addr(self.0 >> 8))
    }

    /// Whether this is `[]`.
    pub fn is_nil(self) -> bool {
        self == Term::NIL
    }

    /// Whether this is the no-value marker.
    pub fn is_none(self) -> bool {
        self == Term::NONE
    }

    /// A list cell pointer's area and index.
    pub fn as_list(self) -> Option<(Area, usize)> {
        (self.0 & TAG_PRIMARY == PRIMARY_LIST).then(|| pointer(self.0))
    }

    /// A boxed pointer's area and index.
    pub fn as_boxed(self) -> Option<(Area, usize)> {
        (self.0 & TAG_PRIMARY == PRIMARY_BOXED).then(|| pointer(self.0))
    }

    /// Whether the term is an immediate (no heap data).
    pub fn is_immediate(self) -> bool {
        self.0 & 0b11 == 0b11
    }
}

impl std::fmt::Debug for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(v) = self.as_small() {
            write!(f, "Small({v})")
        } else if let Some(a) = self.as_atom() {
            write!(f, "Atom({a})")
        } else if self.is_nil() {
            write!(f, "Nil")
        } else if let Some((area, i)) = self.as_list() {
            write!(f, "List({area:?}@{i})")
        } else if let Some((area, i)) = self.as_boxed() {
            write!(f, "Boxed({area:?}@{i})")
        } else {
            write!(f, "Term({:#x})", self.0)
        }
    }
}

fn area_bit(area: Area) -> u64 {
    match area {
        Area::Heap => 0,
        Area::Literal => 0b100,
    }
}

fn pointer(word: u64) -> (Area, usize) {
    let area = if word & 0b100 == 0 {
        Area::Heap
    } else {
        Area::Literal
    };
    (area, (word >> 3) as usize)
}

fn pack_addr(addr: CodeAddr) -> u64 {
    (u64::from(addr.module) << 32) | u64::from(addr.ip)
}

fn unpack_addr(packed: u64) -> CodeAddr {
    CodeAddr {
        module: ((packed >> 32) & 0x00FF_FFFF) as u32,
        ip: packed as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immediates_round_trip() {
        for v in [0, 1, -1, MAX_SMALL, MIN_SMALL, 12345, -98765] {
            assert_eq!(Term::small(v).unwrap().as_small(), Some(v));
        }
        assert_eq!(Term::small(MAX_SMALL + 1), None);
        assert_eq!(Term::small(MIN_SMALL - 1), None);
        assert_eq!(Term::atom(7).as_atom(), Some(7));
        assert_eq!(Term::atom(7).as_small(), None);
        assert_eq!(Term::pid(3).as_pid(), Some(3));
        assert!(Term::NIL.is_nil() && !Term::NIL.is_none());
        let addr = CodeAddr {
            module: 5,
            ip: 1234,
        };
        assert_eq!(Term::cp(addr).as_cp(), Some(addr));
        assert_eq!(Term::catch(addr).as_catch(), Some(addr));
        assert_eq!(Term::cp(addr).as_catch(), None);
        assert_eq!(Term::NONE.as_cp(), None);
        assert_eq!(
            Term::list(Area::Literal, 9).as_list(),
            Some((Area::Literal, 9))
        );
        assert_eq!(Term::boxed(Area::Heap, 9).as_boxed(), Some((Area::Heap, 9)));
        assert!(
            Term::small(1).unwrap().is_immediate() && !Term::boxed(Area::Heap, 0).is_immediate()
        );
    }
}
