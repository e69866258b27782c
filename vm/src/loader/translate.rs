//! Generic BEAM instructions → the VM's [`Instr`] form: labels become instruction
//! indexes, literals and atoms become terms, BIF imports become native functions, and
//! `line` instructions become a side table.

use super::error::LoadError;
use crate::bif;
use crate::module::{
    BsSize, BsType, Compare, Dst, FDst, FOp, FSrc, Instr, Label, Mfa, Src, TypeTest, NO_LABEL,
};
use crate::term::Term;
use avm_format::beam::code::Instruction;
use avm_format::beam::Opcode;
use avm_format::compact::{Operand, Register};
use std::collections::HashMap;

mod records;

/// What translation needs to know about the module.
pub struct Tables<'a> {
    /// Module atom index → VM atom index.
    pub atoms: &'a [u32],
    /// Literal index → literal-arena term.
    pub literals: &'a [Term],
    /// Imports.
    pub imports: &'a [Mfa],
    /// Atom names, to resolve BIFs.
    pub atom_names: &'a crate::atom::AtomTable,
    /// Line table: item index → line number.
    pub line_items: &'a [avm_format::beam::lines::Location],
    /// The string table (`StrT`).
    pub strings: &'a [u8],
    /// The literal arena, for big integer and float operands.
    pub arena: std::cell::RefCell<&'a mut crate::heap::Heap>,
}

/// The translated code and its side tables.
pub struct Translated {
    /// Instructions.
    pub code: Vec<Instr>,
    /// Label number → instruction index.
    pub labels: HashMap<u32, Label>,
    /// (instruction index, line) pairs.
    pub lines: Vec<(Label, u32, u32)>,
}

/// Whether a generic instruction produces no VM instruction.
fn dropped(op: Opcode) -> bool {
    matches!(op, Opcode::label | Opcode::line | Opcode::int_code_end)
}

/// Translates `generic` (a whole `Code` chunk) using `tables`.
pub fn translate(generic: &[Instruction], tables: &Tables<'_>) -> Result<Translated, LoadError> {
    let mut labels = HashMap::new();
    let mut ip: Label = 0;
    for instr in generic {
        if instr.opcode == Opcode::label {
            if let Some(Operand::Unsigned(n)) = instr.args.first() {
                labels.insert(*n as u32, ip);
            }
        } else if !dropped(instr.opcode) {
            ip += 1;
        }
    }
    let mut t = Translator {
        tables,
        labels: &labels,
        index: 0,
        opcode: Opcode::label,
    };
    let mut code = Vec::with_capacity(ip as usize);
    let mut lines = Vec::new();
    // The function being translated (from its `func_info`), for `nif_start`.
    let mut function: Option<Mfa> = None;
    for (index, instr) in generic.iter().enumerate() {
        t.index = index;
        t.opcode = instr.opcode;
        match instr.opcode {
            Opcode::label | Opcode::int_code_end => {}
            Opcode::func_info => {
                let i = t.instr(instr)?;
                if let Instr::FuncInfo {
                    module,
                    function: name,
                    arity,
                } = &i
                {
                    function = module.as_atom().zip(name.as_atom()).map(|(m, f)| Mfa {
                        module: m,
                        function: f,
                        arity: *arity,
                    });
                }
                code.push(i);
            }
            Opcode::nif_start => code.push(t.nif_start(function)),
            Opcode::line => {
                let item = t.unsigned(&instr.args, 0)? as usize;
                let loc = tables.line_items.get(item).copied().unwrap_or_default();
                lines.push((code.len() as Label, loc.line, loc.file));
            }
            _ => code.push(t.instr(instr)?),
        }
    }
    Ok(Translated {
        code,
        labels,
        lines,
    })
}

struct Translator<'t, 'a> {
    tables: &'t Tables<'a>,
    labels: &'t HashMap<u32, Label>,
    index: usize,
    opcode: Opcode,
}

impl Translator<'_, '_> {
    fn error(&self, problem: impl Into<String>) -> LoadError {
        LoadError::Verify {
            index: self.index,
            opcode: self.opcode.name(),
            problem: problem.into(),
        }
    }

    fn arg<'o>(&self, args: &'o [Operand], i: usize) -> Result<&'o Operand, LoadError> {
        args.get(i)
            .ok_or_else(|| self.error(format!("missing operand {i}")))
    }

    fn unsigned(&self, args: &[Operand], i: usize) -> Result<u64, LoadError> {
        match self.arg(args, i)? {
            Operand::Unsigned(n) => Ok(*n),
            Operand::Integer(n) if *n >= 0 => Ok(*n as u64),
            other => Err(self.error(format!("operand {i} should be a number, not {other:?}"))),
        }
    }

    fn small<T: TryFrom<u64>>(&self, args: &[Operand], i: usize) -> Result<T, LoadError> {
        T::try_from(self.unsigned(args, i)?)
            .map_err(|_| self.error(format!("operand {i} is too large")))
    }

    fn label(&self, args: &[Operand], i: usize) -> Result<Label, LoadError> {
        match self.arg(args, i)? {
            Operand::Label(0) => Ok(NO_LABEL),
            Operand::Label(n) => self.label_ip(*n),
            other => Err(self.error(format!("operand {i} should be a label, not {other:?}"))),
        }
    }

    fn label_ip(&self, n: u32) -> Result<Label, LoadError> {
        self.labels
            .get(&n)
            .copied()
            .ok_or_else(|| self.error(format!("label {n} is not defined")))
    }

    fn atom(&self, index: u32) -> Result<Term, LoadError> {
        let i = (index as usize).checked_sub(1);
        i.and_then(|i| self.tables.atoms.get(i))
            .map(|a| Term::atom(*a))
            .ok_or_else(|| self.error(format!("atom {index} is not in the atom table")))
    }

    fn term(&self, op: &Operand) -> Result<Term, LoadError> {
        match op {
            Operand::Integer(v) => Ok(match Term::small(*v) {
                Some(t) => t,
                None => self.tables.arena.borrow_mut().int(*v),
            }),
            Operand::Nil => Ok(Term::NIL),
            Operand::Atom(a) => self.atom(*a),
            Operand::Literal(i) => self
                .tables
                .literals
                .get(*i as usize)
                .copied()
                .ok_or_else(|| self.error(format!("literal {i} is not in the literal table"))),
            Operand::Char(c) => Ok(Term::small(i64::from(*c)).unwrap_or(Term::NIL)),
            Operand::Unsigned(n) => {
                Term::small(*n as i64).ok_or_else(|| self.error("operand out of range"))
            }
            Operand::BigInteger(bytes) => {
                let value = num_bigint::BigInt::from_signed_bytes_be(bytes);
                Ok(self.tables.arena.borrow_mut().bigint(&value))
            }
            Operand::Float(f) => Ok(self.tables.arena.borrow_mut().float(*f)),
            other => Err(self.error(format!("{other:?} is not a constant"))),
        }
    }

    fn src(&self, args: &[Operand], i: usize) -> Result<Src, LoadError> {
        self.src_of(self.arg(args, i)?)
    }

    fn src_of(&self, op: &Operand) -> Result<Src, LoadError> {
        match op {
            Operand::Reg(_) | Operand::TypedReg { .. } => Ok(match self.dst_of(op)? {
                Dst::X(n) => Src::X(n),
                Dst::Y(n) => Src::Y(n),
            }),
            // Big integer and float operands need the literal arena: old compilers only.
            other => self.term(other).map(Src::Term),
        }
    }

    fn dst(&self, args: &[Operand], i: usize) -> Result<Dst, LoadError> {
        self.dst_of(self.arg(args, i)?)
    }

    fn dst_of(&self, op: &Operand) -> Result<Dst, LoadError> {
        match op {
            Operand::Reg(Register::X(n))
            | Operand::TypedReg {
                reg: Register::X(n),
                ..
            } => Ok(Dst::X(
                u16::try_from(*n).map_err(|_| self.error("register out of range"))?,
            )),
            Operand::Reg(Register::Y(n))
            | Operand::TypedReg {
                reg: Register::Y(n),
                ..
            } => Ok(Dst::Y(
                u16::try_from(*n).map_err(|_| self.error("register out of range"))?,
            )),
            other => Err(self.error(format!("{other:?} is not a register"))),
        }
    }

    fn list<'o>(&self, args: &'o [Operand], i: usize) -> Result<&'o [Operand], LoadError> {
        match self.arg(args, i)? {
            Operand::List(items) => Ok(items),
            other => Err(self.error(format!("operand {i} should be a list, not {other:?}"))),
        }
    }

    fn srcs(&self, items: &[Operand]) -> Result<Box<[Src]>, LoadError> {
        items.iter().map(|op| self.src_of(op)).collect()
    }

    fn import(&self, args: &[Operand], i: usize) -> Result<(u32, Mfa), LoadError> {
        let index: u32 = self.small(args, i)?;
        let mfa = self
            .tables
            .imports
            .get(index as usize)
            .copied()
            .ok_or_else(|| self.error(format!("import {index} is not in the import table")))?;
        Ok((index, mfa))
    }

    fn bif(
        &self,
        fail: Label,
        import_arg: usize,
        args: &[Operand],
        inputs: &[usize],
        dst_arg: usize,
    ) -> Result<Instr, LoadError> {
        let (_, mfa) = self.import(args, import_arg)?;
        let names = self.tables.atom_names;
        let Some(native) = bif::lookup(names.name(mfa.module), names.name(mfa.function), mfa.arity)
        else {
            return Ok(Instr::MissingBif(mfa));
        };
        let inputs: Box<[Src]> = inputs
            .iter()
            .map(|&i| self.src(args, i))
            .collect::<Result<_, _>>()?;
        // gc_bif operands are Fail, Live, Bif, ...: the BIF import is operand 2.
        let live = if import_arg == 2 {
            self.small(args, 1)?
        } else {
            crate::module::NO_GC
        };
        let name = (names.name(mfa.module), names.name(mfa.function), mfa.arity);
        if let (("erlang", op @ ("+" | "-"), 2), [a, b]) = (name, &inputs[..]) {
            return Ok(Instr::AddSub {
                sub: op == "-",
                fail,
                a: *a,
                b: *b,
                dst: self.dst(args, dst_arg)?,
                live,
                bif: native,
            });
        }
        Ok(Instr::Bif {
            fail,
            bif: native,
            args: inputs,
            dst: self.dst(args, dst_arg)?,
            mfa,
            live,
        })
    }

    fn heap_need(&self, op: &Operand) -> Result<u32, LoadError> {
        match op {
            Operand::Unsigned(n) => {
                u32::try_from(*n).map_err(|_| self.error("heap size too large"))
            }
            // words, floats (2 words each), funs (a closure header + 2 words + free vars, estimated)
            Operand::AllocList(items) => Ok(items.iter().fold(0u32, |acc, (kind, n)| {
                acc.saturating_add(match kind {
                    0 => *n,
                    1 => n.saturating_mul(2),
                    _ => n.saturating_mul(8),
                })
            })),
            other => Err(self.error(format!("{other:?} is not a heap size"))),
        }
    }

    fn instr(&self, g: &Instruction) -> Result<Instr, LoadError> {
        use Opcode as O;
        let a = g.args.as_slice();
        Ok(match g.opcode {
            O::func_info => Instr::FuncInfo {
                module: self.term(self.arg(a, 0)?)?,
                function: self.term(self.arg(a, 1)?)?,
                arity: self.small(a, 2)?,
            },
            O::call => Instr::Call {
                arity: self.small(a, 0)?,
                target: self.label(a, 1)?,
            },
            O::call_last => Instr::CallLast {
                arity: self.small(a, 0)?,
                target: self.label(a, 1)?,
                dealloc: self.small(a, 2)?,
            },
            O::call_only => Instr::CallOnly {
                arity: self.small(a, 0)?,
                target: self.label(a, 1)?,
            },
            O::call_ext => Instr::CallExt {
                arity: self.small(a, 0)?,
                import: self.import(a, 1)?.0,
            },
            O::call_ext_last => Instr::CallExtLast {
                arity: self.small(a, 0)?,
                import: self.import(a, 1)?.0,
                dealloc: self.small(a, 2)?,
            },
            O::call_ext_only => Instr::CallExtOnly {
                arity: self.small(a, 0)?,
                import: self.import(a, 1)?.0,
            },
            O::bif0 => self.bif(NO_LABEL, 0, a, &[], 1)?,
            O::bif1 => self.bif(self.label(a, 0)?, 1, a, &[2], 3)?,
            O::bif2 => self.bif(self.label(a, 0)?, 1, a, &[2, 3], 4)?,
            O::bif3 => self.bif(self.label(a, 0)?, 1, a, &[2, 3, 4], 5)?,
            O::gc_bif1 => self.bif(self.label(a, 0)?, 2, a, &[3], 4)?,
            O::gc_bif2 => self.bif(self.label(a, 0)?, 2, a, &[3, 4], 5)?,
            O::gc_bif3 => self.bif(self.label(a, 0)?, 2, a, &[3, 4, 5], 6)?,
            O::allocate | O::allocate_zero => Instr::Allocate {
                stack: self.small(a, 0)?,
                heap: 0,
                live: self.small(a, 1)?,
                zero: g.opcode == O::allocate_zero,
            },
            O::allocate_heap | O::allocate_heap_zero => Instr::Allocate {
                stack: self.small(a, 0)?,
                heap: self.heap_need(self.arg(a, 1)?)?,
                live: self.small(a, 2)?,
                zero: g.opcode == O::allocate_heap_zero,
            },
            O::test_heap => Instr::TestHeap {
                need: self.heap_need(self.arg(a, 0)?)?,
                live: self.small(a, 1)?,
            },
            O::init => match self.dst(a, 0)? {
                Dst::Y(y) => Instr::InitYregs(Box::new([y])),
                Dst::X(_) => return Err(self.error("init of an X register")),
            },
            O::init_yregs => {
                let ys = self
                    .list(a, 0)?
                    .iter()
                    .map(|op| match self.dst_of(op)? {
                        Dst::Y(y) => Ok(y),
                        Dst::X(_) => Err(self.error("init_yregs of an X register")),
                    })
                    .collect::<Result<_, _>>()?;
                Instr::InitYregs(ys)
            }
            O::deallocate => Instr::Deallocate(self.small(a, 0)?),
            O::r#return => Instr::Return,
            O::trim => Instr::Trim {
                n: self.small(a, 0)?,
                remaining: self.small(a, 1)?,
            },
            O::send => Instr::Send,
            O::remove_message => Instr::RemoveMessage,
            O::timeout => Instr::Timeout,
            O::loop_rec => Instr::LoopRec {
                fail: self.label(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::loop_rec_end => Instr::LoopRecEnd(self.label(a, 0)?),
            O::wait => Instr::Wait(self.label(a, 0)?),
            O::wait_timeout => Instr::WaitTimeout {
                target: self.label(a, 0)?,
                timeout: self.src(a, 1)?,
            },
            O::is_lt => self.cmp(Compare::Lt, a)?,
            O::is_ge => self.cmp(Compare::Ge, a)?,
            O::is_eq => self.cmp(Compare::Eq, a)?,
            O::is_ne => self.cmp(Compare::Ne, a)?,
            O::is_eq_exact => self.cmp(Compare::EqExact, a)?,
            O::is_ne_exact => self.cmp(Compare::NeExact, a)?,
            O::is_integer => self.test(TypeTest::Integer, a)?,
            O::is_float => self.test(TypeTest::Float, a)?,
            O::is_number => self.test(TypeTest::Number, a)?,
            O::is_atom => self.test(TypeTest::Atom, a)?,
            O::is_pid => self.test(TypeTest::Pid, a)?,
            O::is_reference => self.test(TypeTest::Reference, a)?,
            O::is_port => self.test(TypeTest::Port, a)?,
            O::is_nil => self.test(TypeTest::Nil, a)?,
            O::is_binary => self.test(TypeTest::Binary, a)?,
            O::is_bitstr => self.test(TypeTest::Bitstr, a)?,
            O::is_list => self.test(TypeTest::List, a)?,
            O::is_nonempty_list => self.test(TypeTest::NonemptyList, a)?,
            O::is_tuple => self.test(TypeTest::Tuple, a)?,
            O::is_function => self.test(TypeTest::Function, a)?,
            O::is_boolean => self.test(TypeTest::Boolean, a)?,
            O::is_map => self.test(TypeTest::Map, a)?,
            O::test_arity => Instr::TestArity {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                arity: self.small(a, 2)?,
            },
            O::is_tagged_tuple => Instr::IsTaggedTuple {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                arity: self.small(a, 2)?,
                tag: self.term(self.arg(a, 3)?)?,
            },
            O::is_function2 => Instr::IsFunction2 {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                arity: self.src(a, 2)?,
            },
            O::select_val => {
                let items = self.list(a, 2)?;
                let table: Vec<(Term, Label)> = items
                    .chunks(2)
                    .map(|pair| match pair {
                        [value, Operand::Label(l)] => Ok((self.term(value)?, self.label_ip(*l)?)),
                        _ => Err(self.error("malformed select list")),
                    })
                    .collect::<Result<_, _>>()?;
                select(self.src(a, 0)?, self.label(a, 1)?, table)
            }
            O::select_tuple_arity => {
                let items = self.list(a, 2)?;
                let table = items
                    .chunks(2)
                    .map(|pair| match pair {
                        [Operand::Unsigned(n), Operand::Label(l)] => {
                            Ok((*n as u32, self.label_ip(*l)?))
                        }
                        _ => Err(self.error("malformed select list")),
                    })
                    .collect::<Result<_, _>>()?;
                Instr::SelectTupleArity {
                    src: self.src(a, 0)?,
                    fail: self.label(a, 1)?,
                    table,
                }
            }
            O::jump => Instr::Jump(self.label(a, 0)?),
            O::r#catch | O::r#try => match self.dst(a, 0)? {
                Dst::Y(y) => Instr::Catch {
                    y,
                    handler: self.label(a, 1)?,
                },
                Dst::X(_) => return Err(self.error("catch in an X register")),
            },
            O::catch_end => Instr::CatchEnd(self.y(a, 0)?),
            O::try_end => Instr::TryEnd(self.y(a, 0)?),
            O::try_case => Instr::TryCase(self.y(a, 0)?),
            O::try_case_end => Instr::TryCaseEnd(self.src(a, 0)?),
            O::raise => Instr::Raise {
                trace: self.src(a, 0)?,
                reason: self.src(a, 1)?,
            },
            O::build_stacktrace => Instr::BuildStacktrace,
            O::raw_raise => Instr::RawRaise,
            O::r#move => Instr::Move {
                src: self.src(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::swap => Instr::Swap(self.dst(a, 0)?, self.dst(a, 1)?),
            O::get_list => Instr::GetList {
                src: self.src(a, 0)?,
                head: self.dst(a, 1)?,
                tail: self.dst(a, 2)?,
            },
            O::get_hd => Instr::GetHd {
                src: self.src(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::get_tl => Instr::GetTl {
                src: self.src(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::get_tuple_element => Instr::GetTupleElement {
                src: self.src(a, 0)?,
                index: self.small(a, 1)?,
                dst: self.dst(a, 2)?,
            },
            O::set_tuple_element => Instr::SetTupleElement {
                value: self.src(a, 0)?,
                tuple: self.src(a, 1)?,
                index: self.small(a, 2)?,
            },
            O::put_list => Instr::PutList {
                head: self.src(a, 0)?,
                tail: self.src(a, 1)?,
                dst: self.dst(a, 2)?,
            },
            O::put_tuple2 => Instr::PutTuple {
                elements: self.srcs(self.list(a, 1)?)?,
                dst: self.dst(a, 0)?,
            },
            O::badmatch => Instr::Badmatch(self.src(a, 0)?),
            O::if_end => Instr::IfEnd,
            O::case_end => Instr::CaseEnd(self.src(a, 0)?),
            O::badrecord => Instr::Badrecord(self.src(a, 0)?),
            O::call_fun => Instr::CallFun {
                arity: self.small(a, 0)?,
            },
            O::call_fun2 => Instr::CallFun2 {
                arity: self.small(a, 1)?,
                fun: self.src(a, 2)?,
            },
            O::apply => Instr::Apply {
                arity: self.small(a, 0)?,
            },
            O::apply_last => Instr::ApplyLast {
                arity: self.small(a, 0)?,
                dealloc: self.small(a, 1)?,
            },
            O::make_fun2 => {
                // Free variables are in x(0)..x(n-1); the fun goes to x(0). The count
                // comes from the fun table at run time.
                Instr::MakeFun {
                    index: self.small(a, 0)?,
                    free: Box::new([]),
                    dst: Dst::X(0),
                }
            }
            O::make_fun3 => Instr::MakeFun {
                index: self.small(a, 0)?,
                dst: self.dst(a, 1)?,
                free: self.srcs(self.list(a, 2)?)?,
            },
            O::put_map_assoc | O::put_map_exact => {
                let items = self.list(a, 4)?;
                let pairs = items
                    .chunks(2)
                    .map(|p| match p {
                        [k, v] => Ok((self.src_of(k)?, self.src_of(v)?)),
                        _ => Err(self.error("odd map update list")),
                    })
                    .collect::<Result<_, _>>()?;
                Instr::PutMap {
                    exact: g.opcode == O::put_map_exact,
                    fail: self.label(a, 0)?,
                    src: self.src(a, 1)?,
                    dst: self.dst(a, 2)?,
                    live: self.small(a, 3)?,
                    pairs,
                }
            }
            O::has_map_fields => Instr::HasMapFields {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                keys: self.srcs(self.list(a, 2)?)?,
            },
            O::get_map_elements => {
                let items = self.list(a, 2)?;
                let pairs = items
                    .chunks(2)
                    .map(|p| match p {
                        [k, d] => Ok((self.src_of(k)?, self.dst_of(d)?)),
                        _ => Err(self.error("odd map element list")),
                    })
                    .collect::<Result<_, _>>()?;
                Instr::GetMapElements {
                    fail: self.label(a, 0)?,
                    src: self.src(a, 1)?,
                    pairs,
                }
            }
            O::fmove => match (self.arg(a, 0)?, self.arg(a, 1)?) {
                (Operand::FloatReg(r), Operand::FloatReg(d)) => Instr::FMove {
                    src: FSrc::Fr(self.freg(*r)?),
                    dst: FDst::Fr(self.freg(*d)?),
                },
                (Operand::FloatReg(r), d) => Instr::FMove {
                    src: FSrc::Fr(self.freg(*r)?),
                    dst: FDst::Reg(self.dst_of(d)?),
                },
                (s, Operand::FloatReg(d)) => Instr::FMove {
                    src: FSrc::Src(self.src_of(s)?),
                    dst: FDst::Fr(self.freg(*d)?),
                },
                _ => return Err(self.error("fmove without a float register")),
            },
            O::fconv => match self.arg(a, 1)? {
                Operand::FloatReg(d) => Instr::FConv {
                    src: self.src(a, 0)?,
                    dst: self.freg(*d)?,
                },
                _ => return Err(self.error("fconv into a non-float register")),
            },
            O::fadd | O::fsub | O::fmul | O::fdiv => {
                let op = match g.opcode {
                    O::fadd => FOp::Add,
                    O::fsub => FOp::Sub,
                    O::fmul => FOp::Mul,
                    _ => FOp::Div,
                };
                Instr::FArith {
                    op,
                    a: self.fr(a, 1)?,
                    b: self.fr(a, 2)?,
                    dst: self.fr(a, 3)?,
                }
            }
            O::fnegate => Instr::FArith {
                op: FOp::Neg,
                a: self.fr(a, 1)?,
                b: self.fr(a, 1)?,
                dst: self.fr(a, 2)?,
            },
            O::fclearerror | O::fcheckerror => Instr::Nop,
            O::bs_create_bin => {
                let items = self.list(a, 5)?;
                let segments = items
                    .chunks(6)
                    .map(|seg| self.segment(seg))
                    .collect::<Result<_, _>>()?;
                Instr::BsCreate {
                    fail: self.label(a, 0)?,
                    dst: self.dst(a, 4)?,
                    segments,
                }
            }
            O::bs_start_match3 => Instr::BsStartMatch {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                dst: self.dst(a, 3)?,
            },
            O::bs_start_match4 => {
                let fail = match self.arg(a, 0)? {
                    Operand::Label(_) => self.label(a, 0)?,
                    _ => NO_LABEL,
                };
                Instr::BsStartMatch {
                    fail,
                    src: self.src(a, 2)?,
                    dst: self.dst(a, 3)?,
                }
            }
            O::bs_get_position => Instr::BsGetPosition {
                ctx: self.src(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::bs_set_position => Instr::BsSetPosition {
                ctx: self.src(a, 0)?,
                pos: self.src(a, 1)?,
            },
            O::bs_get_tail => Instr::BsGetTail {
                ctx: self.src(a, 0)?,
                dst: self.dst(a, 1)?,
            },
            O::bs_get_integer2 | O::bs_get_float2 | O::bs_get_binary2 => Instr::BsGet {
                kind: match g.opcode {
                    O::bs_get_integer2 => BsType::Integer,
                    O::bs_get_float2 => BsType::Float,
                    _ => BsType::Binary,
                },
                fail: self.label(a, 0)?,
                ctx: self.src(a, 1)?,
                size: self.bs_size(self.arg(a, 3)?)?,
                unit: self.small(a, 4)?,
                flags: self.small::<u64>(a, 5)? as u8,
                dst: self.dst(a, 6)?,
            },
            O::bs_skip_bits2 => Instr::BsSkip {
                fail: self.label(a, 0)?,
                ctx: self.src(a, 1)?,
                size: self.bs_size(self.arg(a, 2)?)?,
                unit: self.small(a, 3)?,
            },
            O::bs_test_tail2 => Instr::BsTestTail {
                fail: self.label(a, 0)?,
                ctx: self.src(a, 1)?,
                bits: self.small(a, 2)?,
            },
            O::bs_test_unit => Instr::BsTestUnit {
                fail: self.label(a, 0)?,
                ctx: self.src(a, 1)?,
                unit: self.small(a, 2)?,
            },
            O::bs_match_string => {
                let bits: u32 = self.small(a, 2)?;
                let offset: usize = self.small(a, 3)?;
                Instr::BsMatchString {
                    fail: self.label(a, 0)?,
                    ctx: self.src(a, 1)?,
                    bits,
                    bytes: self.string(offset, (bits as usize).div_ceil(8))?,
                }
            }
            O::bs_get_utf8
            | O::bs_get_utf16
            | O::bs_get_utf32
            | O::bs_skip_utf8
            | O::bs_skip_utf16
            | O::bs_skip_utf32 => {
                let width = match g.opcode {
                    O::bs_get_utf8 | O::bs_skip_utf8 => 8,
                    O::bs_get_utf16 | O::bs_skip_utf16 => 16,
                    _ => 32,
                };
                let skip = matches!(
                    g.opcode,
                    O::bs_skip_utf8 | O::bs_skip_utf16 | O::bs_skip_utf32
                );
                Instr::BsGetUtf {
                    fail: self.label(a, 0)?,
                    ctx: self.src(a, 1)?,
                    width,
                    flags: self.small::<u64>(a, 3)? as u8,
                    dst: if skip { None } else { Some(self.dst(a, 4)?) },
                }
            }
            O::bs_init2 | O::bs_init_bits => Instr::BsInit {
                fail: self.label(a, 0)?,
                size: self.src(a, 1)?,
                unit: if g.opcode == O::bs_init2 { 8 } else { 1 },
                dst: self.dst(a, 5)?,
            },
            O::bs_put_integer | O::bs_put_binary | O::bs_put_float => Instr::BsPut {
                fail: self.label(a, 0)?,
                segment: crate::module::BsSegment {
                    kind: match g.opcode {
                        O::bs_put_integer => BsType::Integer,
                        O::bs_put_float => BsType::Float,
                        _ => BsType::Binary,
                    },
                    size: self.bs_size(self.arg(a, 1)?)?,
                    unit: self.small(a, 2)?,
                    flags: self.small::<u64>(a, 3)? as u8,
                    src: self.src(a, 4)?,
                    string: Box::new([]),
                },
            },
            O::bs_put_string => {
                let len: usize = self.small(a, 0)?;
                let offset: usize = self.small(a, 1)?;
                Instr::BsPut {
                    fail: NO_LABEL,
                    segment: crate::module::BsSegment {
                        kind: BsType::String,
                        size: BsSize::Default,
                        unit: 8,
                        flags: 0,
                        src: Src::Term(Term::NIL),
                        string: self.string(offset, len)?,
                    },
                }
            }
            O::bs_put_utf8 | O::bs_put_utf16 | O::bs_put_utf32 => Instr::BsPut {
                fail: self.label(a, 0)?,
                segment: crate::module::BsSegment {
                    kind: match g.opcode {
                        O::bs_put_utf8 => BsType::Utf8,
                        O::bs_put_utf16 => BsType::Utf16,
                        _ => BsType::Utf32,
                    },
                    size: BsSize::Default,
                    unit: 1,
                    flags: self.small::<u64>(a, 1)? as u8,
                    src: self.src(a, 2)?,
                    string: Box::new([]),
                },
            },
            O::bs_add => Instr::BsAdd {
                fail: self.label(a, 0)?,
                a: self.src(a, 1)?,
                b: self.src(a, 2)?,
                unit: self.small(a, 3)?,
                dst: self.dst(a, 4)?,
            },
            O::bs_utf8_size | O::bs_utf16_size => Instr::BsUtfSize {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                width: if g.opcode == O::bs_utf8_size { 8 } else { 16 },
                dst: self.dst(a, 2)?,
            },
            O::bs_append => Instr::BsAppend {
                fail: self.label(a, 0)?,
                size: self.src(a, 1)?,
                unit: self.small(a, 4)?,
                bin: self.src(a, 5)?,
                dst: self.dst(a, 7)?,
            },
            O::bs_private_append => Instr::BsAppend {
                fail: self.label(a, 0)?,
                size: self.src(a, 1)?,
                unit: self.small(a, 2)?,
                bin: self.src(a, 3)?,
                dst: self.dst(a, 5)?,
            },
            O::bs_init_writable => Instr::BsInitWritable,
            O::update_record => {
                let items = self.list(a, 4)?;
                let updates = items
                    .chunks(2)
                    .map(|p| match p {
                        [Operand::Unsigned(i), v] if *i >= 1 => {
                            Ok((*i as u32 - 1, self.src_of(v)?))
                        }
                        _ => Err(self.error("malformed update_record list")),
                    })
                    .collect::<Result<_, _>>()?;
                Instr::UpdateRecord {
                    src: self.src(a, 2)?,
                    dst: self.dst(a, 3)?,
                    updates,
                }
            }
            O::is_any_native_record
            | O::is_native_record
            | O::is_record_accessible
            | O::get_record_elements
            | O::put_record
            | O::get_record_field => self.record_instr(g.opcode, a)?,
            O::bs_match => Instr::BsMatch {
                fail: self.label(a, 0)?,
                ctx: self.src(a, 1)?,
                commands: self.bs_commands(self.list(a, 2)?)?,
            },
            O::recv_marker_reserve => Instr::Move {
                src: Src::Term(Term::NIL),
                dst: self.dst(a, 0)?,
            },
            O::recv_marker_bind
            | O::recv_marker_clear
            | O::recv_marker_use
            | O::on_load
            | O::executable_line
            | O::debug_line => Instr::Nop,
            other => Instr::Unsupported(other),
        })
    }

    /// A function declared in `-nifs`: bound to its native implementation when the
    /// VM has one (as `erlang:load_nif/2` replaces it on the BEAM); else its Erlang
    /// body runs (usually `erlang:nif_error/1`).
    fn nif_start(&self, function: Option<Mfa>) -> Instr {
        let names = self.tables.atom_names;
        match function {
            Some(mfa)
                if bif::lookup(names.name(mfa.module), names.name(mfa.function), mfa.arity)
                    .is_some() =>
            {
                Instr::Nif { mfa }
            }
            _ => Instr::Nop,
        }
    }

    fn string(&self, offset: usize, len: usize) -> Result<Box<[u8]>, LoadError> {
        self.tables
            .strings
            .get(offset..offset + len)
            .map(Box::from)
            .ok_or_else(|| self.error("string outside the string table"))
    }

    fn bs_size(&self, op: &Operand) -> Result<BsSize, LoadError> {
        match op {
            Operand::Atom(i) => {
                let t = self.atom(*i)?;
                match self.tables.atom_names.name(t.as_atom().unwrap_or(0)) {
                    "all" => Ok(BsSize::All),
                    _ => Ok(BsSize::Default),
                }
            }
            other => Ok(BsSize::Src(self.src_of(other)?)),
        }
    }

    /// One `bs_create_bin` segment: type, segment number, unit, flags, value, size.
    fn segment(&self, seg: &[Operand]) -> Result<crate::module::BsSegment, LoadError> {
        let [kind, _seg, unit, flags, src, size] = seg else {
            return Err(self.error("bs_create_bin segment list is not a multiple of 6"));
        };
        let names = self.tables.atom_names;
        let kind_name = match kind {
            Operand::Atom(i) => names.name(self.atom(*i)?.as_atom().unwrap_or(0)).to_owned(),
            _ => return Err(self.error("segment type is not an atom")),
        };
        let unit = match unit {
            Operand::Unsigned(u) => *u as u32,
            _ => 1,
        };
        let flags = self.segment_flags(flags)?;
        let (kind, string) = match kind_name.as_str() {
            "integer" => (BsType::Integer, Box::default()),
            "float" => (BsType::Float, Box::default()),
            "binary" => (BsType::Binary, Box::default()),
            "utf8" => (BsType::Utf8, Box::default()),
            "utf16" => (BsType::Utf16, Box::default()),
            "utf32" => (BsType::Utf32, Box::default()),
            "append" | "private_append" => (BsType::Append, Box::default()),
            "string" => {
                let (Operand::Unsigned(offset), len) = (src, size) else {
                    return Err(self.error("malformed string segment"));
                };
                let len = match len {
                    Operand::Integer(n) => *n as usize,
                    Operand::Unsigned(n) => *n as usize,
                    _ => return Err(self.error("malformed string segment")),
                };
                (BsType::String, self.string(*offset as usize, len)?)
            }
            other => return Err(self.error(format!("unknown segment type {other}"))),
        };
        let src = if kind == BsType::String {
            Src::Term(Term::NIL)
        } else {
            self.src_of(src)?
        };
        Ok(crate::module::BsSegment {
            kind,
            unit,
            flags,
            src,
            size: self.bs_size(size)?,
            string,
        })
    }

    /// Segment flags in `bs_create_bin`: `nil` or a literal list of atoms.
    fn segment_flags(&self, op: &Operand) -> Result<u8, LoadError> {
        let term = match op {
            Operand::Nil => return Ok(0),
            Operand::Unsigned(u) => return Ok(*u as u8),
            other => self.term(other)?,
        };
        let arena = self.tables.arena.borrow();
        let empty = crate::heap::Heap::default();
        let mem = crate::heap::Mem::new(&empty, &arena);
        let items = mem
            .list_elements(term)
            .ok_or_else(|| self.error("segment flags are not a list"))?;
        let mut flags = 0;
        for item in items {
            match item.as_atom().map(|a| self.tables.atom_names.name(a)) {
                Some("little") => flags |= crate::interp::bits::LITTLE,
                Some("signed") => flags |= crate::interp::bits::SIGNED,
                Some("native") => flags |= crate::interp::bits::NATIVE,
                _ => {}
            }
        }
        Ok(flags)
    }

    /// The command list of `bs_match`: a command name then its operands, repeated.
    fn bs_commands(&self, items: &[Operand]) -> Result<Box<[crate::module::BsCommand]>, LoadError> {
        use crate::module::BsCommand as C;
        let mut out = Vec::new();
        let mut rest = items;
        let n = |op: &Operand| -> Result<u32, LoadError> {
            match op {
                Operand::Unsigned(v) => {
                    u32::try_from(*v).map_err(|_| self.error("bs_match operand too large"))
                }
                Operand::Integer(v) if *v >= 0 => {
                    u32::try_from(*v).map_err(|_| self.error("bs_match operand too large"))
                }
                other => Err(self.error(format!("bad bs_match operand {other:?}"))),
            }
        };
        while let Some((name, tail)) = rest.split_first() {
            let name = match name {
                Operand::Atom(i) => self
                    .tables
                    .atom_names
                    .name(self.atom(*i)?.as_atom().unwrap_or(0))
                    .to_owned(),
                other => {
                    return Err(self.error(format!("bs_match command is not an atom: {other:?}")))
                }
            };
            let (command, used) = match (name.as_str(), tail) {
                ("ensure_at_least", [s, u, ..]) => (
                    C::EnsureAtLeast {
                        stride: n(s)?,
                        unit: n(u)?,
                    },
                    2,
                ),
                ("ensure_exactly", [s, ..]) => (C::EnsureExactly { stride: n(s)? }, 1),
                ("integer", [_live, flags, size, unit, dst, ..]) => (
                    C::Integer {
                        flags: self.segment_flags(flags)?,
                        bits: n(size)? * n(unit)?,
                        dst: self.dst_of(dst)?,
                    },
                    5,
                ),
                ("binary", [_live, _flags, size, unit, dst, ..]) => (
                    C::Binary {
                        bits: n(size)? * n(unit)?,
                        dst: self.dst_of(dst)?,
                    },
                    5,
                ),
                ("skip", [s, ..]) => (C::Skip { stride: n(s)? }, 1),
                ("get_tail", [_live, _unit, dst, ..]) => (
                    C::GetTail {
                        dst: self.dst_of(dst)?,
                    },
                    3,
                ),
                ("=:=", [_live, size, value, ..]) => (
                    C::Equal {
                        bits: n(size)?,
                        value: self.term(value)?,
                    },
                    3,
                ),
                (other, _) => return Err(self.error(format!("unknown bs_match command {other}"))),
            };
            out.push(command);
            rest = &tail[used..];
        }
        Ok(out.into_boxed_slice())
    }

    fn freg(&self, r: u32) -> Result<u16, LoadError> {
        u16::try_from(r)
            .ok()
            .filter(|r| usize::from(*r) < crate::interp::F_REGS)
            .ok_or_else(|| self.error("float register out of range"))
    }

    fn fr(&self, args: &[Operand], i: usize) -> Result<u16, LoadError> {
        match self.arg(args, i)? {
            Operand::FloatReg(r) => self.freg(*r),
            other => Err(self.error(format!("{other:?} is not a float register"))),
        }
    }

    fn y(&self, args: &[Operand], i: usize) -> Result<u16, LoadError> {
        match self.dst(args, i)? {
            Dst::Y(y) => Ok(y),
            Dst::X(_) => Err(self.error("expected a Y register")),
        }
    }

    fn cmp(&self, op: Compare, a: &[Operand]) -> Result<Instr, LoadError> {
        Ok(Instr::Cmp {
            op,
            fail: self.label(a, 0)?,
            a: self.src(a, 1)?,
            b: self.src(a, 2)?,
        })
    }

    fn test(&self, test: TypeTest, a: &[Operand]) -> Result<Instr, LoadError> {
        Ok(Instr::Test {
            test,
            fail: self.label(a, 0)?,
            src: self.src(a, 1)?,
        })
    }
}

/// The fastest form of a `select_val`: a jump table for a dense range of small
/// integers, a sorted table for other immediates, a linear scan otherwise.
fn select(src: Src, fail: Label, table: Vec<(Term, Label)>) -> Instr {
    let smalls: Option<Vec<(i64, Label)>> = table
        .iter()
        .map(|(t, l)| t.as_small().map(|v| (v, *l)))
        .collect();
    if let Some(smalls) = smalls.filter(|s| !s.is_empty()) {
        let min = smalls.iter().map(|s| s.0).min().unwrap_or(0);
        let max = smalls.iter().map(|s| s.0).max().unwrap_or(0);
        let span = max.saturating_sub(min);
        if span >= 0 && (span as usize) < smalls.len() * 2 + 8 {
            let mut labels = vec![fail; span as usize + 1];
            for (v, l) in smalls {
                if let Some(slot) = labels.get_mut((v - min) as usize) {
                    *slot = l;
                }
            }
            return Instr::JumpTable {
                src,
                fail,
                min,
                labels: labels.into_boxed_slice(),
            };
        }
    }
    if table.iter().all(|(t, _)| t.is_immediate()) {
        let mut sorted = table;
        sorted.sort_by_key(|(t, _)| t.raw());
        return Instr::SelectSorted {
            src,
            fail,
            table: sorted.into_boxed_slice(),
        };
    }
    Instr::SelectVal {
        src,
        fail,
        table: table.into_boxed_slice(),
    }
}
