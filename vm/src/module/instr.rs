//! The VM's instruction form: what the loader translates generic BEAM instructions
//! into. Operands are decoded once at load time — registers are indexes, literals are
//! terms already in the literal arena, labels are instruction indexes, imports are
//! table indexes — so the run loop only matches on variants.

use crate::term::Term;
use avm_format::beam::Opcode;

/// An instruction index within a module's code.
pub type Label = u32;

/// The `live` of a `Bif` that never collects (plain `bif0/1/2`).
pub const NO_GC: u16 = u16::MAX;

/// A failure label meaning "raise an exception instead of jumping".
pub const NO_LABEL: Label = u32::MAX;

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Src {
    /// An X register.
    X(u16),
    /// A Y register (stack slot of the current frame).
    Y(u16),
    /// A constant: an immediate or a literal-arena term.
    Term(Term),
}

/// Where a value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dst {
    /// An X register.
    X(u16),
    /// A Y register.
    Y(u16),
}

/// A type test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeTest {
    /// `is_integer`.
    Integer,
    /// `is_float`.
    Float,
    /// `is_number`.
    Number,
    /// `is_atom`.
    Atom,
    /// `is_pid`.
    Pid,
    /// `is_reference`.
    Reference,
    /// `is_port`.
    Port,
    /// `is_nil`.
    Nil,
    /// `is_binary`.
    Binary,
    /// `is_bitstr`.
    Bitstr,
    /// `is_list`.
    List,
    /// `is_nonempty_list`.
    NonemptyList,
    /// `is_tuple`.
    Tuple,
    /// `is_function`.
    Function,
    /// `is_boolean`.
    Boolean,
    /// `is_map`.
    Map,
}

/// A comparison test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// `is_lt`: continue if `a < b`.
    Lt,
    /// `is_ge`.
    Ge,
    /// `is_eq` (numeric equality).
    Eq,
    /// `is_ne`.
    Ne,
    /// `is_eq_exact`.
    EqExact,
    /// `is_ne_exact`.
    NeExact,
}

/// A float operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FOp {
    /// `fadd`.
    Add,
    /// `fsub`.
    Sub,
    /// `fmul`.
    Mul,
    /// `fdiv`.
    Div,
    /// `fnegate` (uses only `a`).
    Neg,
}

/// Where a float comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FSrc {
    /// A float register.
    Fr(u16),
    /// A register or a float literal.
    Src(Src),
}

/// Where a float goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FDst {
    /// A float register.
    Fr(u16),
    /// An X or Y register (boxed).
    Reg(Dst),
}

/// What a bit-syntax segment holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BsType {
    /// An integer.
    Integer,
    /// A float.
    Float,
    /// A binary or bitstring.
    Binary,
    /// A UTF-8 code point.
    Utf8,
    /// A UTF-16 code point.
    Utf16,
    /// A UTF-32 code point.
    Utf32,
    /// Literal bytes from the module's string table.
    String,
    /// The binary being appended to (first segment of an append).
    Append,
}

/// A segment size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BsSize {
    /// `all` (the rest of a binary).
    All,
    /// No size (UTF segments; floats default to 64).
    Default,
    /// A literal or a register, multiplied by the unit.
    Src(Src),
}

/// One segment of a binary construction.
#[derive(Debug, Clone, PartialEq)]
pub struct BsSegment {
    /// What it holds.
    pub kind: BsType,
    /// Unit (bits per size step).
    pub unit: u32,
    /// Flags (`bits::LITTLE`, `bits::SIGNED`, `bits::NATIVE`).
    pub flags: u8,
    /// The value.
    pub src: Src,
    /// The size.
    pub size: BsSize,
    /// The bytes of a `String` segment.
    pub string: Box<[u8]>,
}

/// One command of `bs_match` (fields as the variant docs describe them).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BsCommand {
    /// At least `stride` bits left, and what follows them a multiple of `unit`.
    EnsureAtLeast { stride: u32, unit: u32 },
    /// Exactly `stride` bits left.
    EnsureExactly { stride: u32 },
    /// An integer of `bits` bits into `dst`.
    Integer { flags: u8, bits: u32, dst: Dst },
    /// A sub-binary of `bits` bits into `dst`.
    Binary { bits: u32, dst: Dst },
    /// Skip `stride` bits.
    Skip { stride: u32 },
    /// The rest into `dst`.
    GetTail { dst: Dst },
    /// Fail unless the next `bits` bits, as an unsigned integer, equal `value`.
    Equal { bits: u32, value: Term },
}

/// A native function: a BIF or a NIF-like builtin.
pub type NativeFn =
    fn(&mut crate::interp::Context<'_>, &[Term]) -> Result<Term, crate::interp::Exception>;

/// One instruction. (Field names follow the operands of `genop.tab`; the variant docs
/// say what they mean.)
#[allow(missing_docs)]
#[derive(Debug, Clone)]
pub enum Instr {
    /// The start of a function; raises `function_clause` when jumped to.
    FuncInfo {
        /// Module atom.
        module: Term,
        /// Function atom.
        function: Term,
        /// Arity.
        arity: u8,
    },
    /// Call a local function, saving the return address.
    Call { arity: u8, target: Label },
    /// Deallocate then tail-call a local function.
    CallLast {
        arity: u8,
        target: Label,
        dealloc: u16,
    },
    /// Tail-call a local function.
    CallOnly { arity: u8, target: Label },
    /// Call an imported function.
    CallExt { arity: u8, import: u32 },
    /// Deallocate then tail-call an imported function.
    CallExtLast {
        arity: u8,
        import: u32,
        dealloc: u16,
    },
    /// Tail-call an imported function.
    CallExtOnly { arity: u8, import: u32 },
    /// `apply/3` with the arguments in registers.
    Apply { arity: u8 },
    /// Deallocate then tail-call `apply`.
    ApplyLast { arity: u8, dealloc: u16 },
    /// Call the fun in `x(arity)`.
    CallFun { arity: u8 },
    /// Call the fun in `fun` with `arity` arguments (OTP 25).
    CallFun2 { arity: u8, fun: Src },
    /// Call a native function; on failure jump to `fail` or raise.
    Bif {
        fail: Label,
        bif: NativeFn,
        args: Box<[Src]>,
        dst: Dst,
        mfa: super::Mfa,
        /// For `gc_bif`: X registers live if a collection runs first (`NO_GC` for `bif`).
        live: u16,
    },
    /// `+`/`-` of two operands: small integers inline, anything else through `bif`.
    AddSub {
        sub: bool,
        fail: Label,
        a: Src,
        b: Src,
        dst: Dst,
        live: u16,
        bif: NativeFn,
    },
    /// A BIF this VM does not have: executing it faults the process.
    MissingBif(super::Mfa),
    /// Allocate a stack frame of `stack` slots (zeroed when `zero`); GC with `live` X registers if `heap` words do not fit.
    Allocate {
        stack: u16,
        heap: u32,
        live: u16,
        zero: bool,
    },
    /// Make sure `need` heap words fit, collecting with `live` X registers if not.
    TestHeap { need: u32, live: u16 },
    /// Drop the current frame of `n` slots and restore the return address.
    Deallocate(u16),
    /// Return to the saved address.
    Return,
    /// Drop `n` slots from the bottom of the current frame.
    Trim { n: u16, remaining: u16 },
    /// Clear Y registers.
    InitYregs(Box<[u16]>),
    /// Copy a value.
    Move { src: Src, dst: Dst },
    /// Swap two registers.
    Swap(Dst, Dst),
    /// Split a list cell.
    GetList { src: Src, head: Dst, tail: Dst },
    /// A list's head.
    GetHd { src: Src, dst: Dst },
    /// A list's tail.
    GetTl { src: Src, dst: Dst },
    /// Element `index` (0-based) of a tuple.
    GetTupleElement { src: Src, index: u32, dst: Dst },
    /// Overwrite element `index` (0-based) of a freshly built tuple.
    SetTupleElement { value: Src, tuple: Src, index: u32 },
    /// Build a list cell.
    PutList { head: Src, tail: Src, dst: Dst },
    /// Build a tuple.
    PutTuple { elements: Box<[Src]>, dst: Dst },
    /// Compare and jump to `fail` when the comparison does not hold.
    Cmp {
        op: Compare,
        fail: Label,
        a: Src,
        b: Src,
    },
    /// Test a type; jump to `fail` when it does not hold.
    Test {
        test: TypeTest,
        fail: Label,
        src: Src,
    },
    /// Test for a tuple of `arity` elements.
    TestArity { fail: Label, src: Src, arity: u32 },
    /// Test for a tuple of `arity` elements whose first element is `tag`.
    IsTaggedTuple {
        fail: Label,
        src: Src,
        arity: u32,
        tag: Term,
    },
    /// Test for a fun of the given arity.
    IsFunction2 { fail: Label, src: Src, arity: Src },
    /// Jump to the label paired with the value, else to `fail`.
    SelectVal {
        src: Src,
        fail: Label,
        table: Box<[(Term, Label)]>,
    },
    /// `select_val` on immediates (atoms, small integers), table sorted by word: a
    /// binary search.
    SelectSorted {
        src: Src,
        fail: Label,
        table: Box<[(Term, Label)]>,
    },
    /// `select_val` on a dense range of small integers: an indexed jump table.
    JumpTable {
        src: Src,
        fail: Label,
        min: i64,
        labels: Box<[Label]>,
    },
    /// Jump by tuple arity.
    SelectTupleArity {
        src: Src,
        fail: Label,
        table: Box<[(u32, Label)]>,
    },
    /// Jump.
    Jump(Label),
    /// Raise `{badmatch, V}`.
    Badmatch(Src),
    /// Raise `if_clause`.
    IfEnd,
    /// Raise `{case_clause, V}`.
    CaseEnd(Src),
    /// Raise `{try_clause, V}`.
    TryCaseEnd(Src),
    /// Raise `{badrecord, V}`.
    Badrecord(Src),
    /// Install a catch (or try) handler in a Y register.
    Catch { y: u16, handler: Label },
    /// Leave a `catch`: clear its Y register, turn an exception in x(0) into its value.
    CatchEnd(u16),
    /// Leave a `try` normally.
    TryEnd(u16),
    /// Enter a `try`'s handler: class, reason and stacktrace to x(0..2).
    TryCase(u16),
    /// Re-raise: stacktrace in the first operand, reason in the second.
    Raise { trace: Src, reason: Src },
    /// Turn the raw stacktrace in x(0) into a list of frames.
    BuildStacktrace,
    /// `erlang:raise/3` with class, reason, raw stacktrace in x(0..2).
    RawRaise,
    /// Send x(1) to x(0).
    Send,
    /// Remove the current message from the mailbox.
    RemoveMessage,
    /// Reset the receive position after a timeout.
    Timeout,
    /// Current message to `dst`, or jump to `fail` when there is none.
    LoopRec { fail: Label, dst: Dst },
    /// Skip the current message and loop.
    LoopRecEnd(Label),
    /// Wait for a message, then go to `target`.
    Wait(Label),
    /// Wait at most `timeout` ms, then continue after this instruction.
    WaitTimeout { target: Label, timeout: Src },
    /// Build a closure of lambda `index` with free variables.
    MakeFun {
        index: u32,
        free: Box<[Src]>,
        dst: Dst,
    },
    /// `#{... => ...}` update.
    PutMap {
        exact: bool,
        fail: Label,
        src: Src,
        dst: Dst,
        live: u16,
        pairs: Box<[(Src, Src)]>,
    },
    /// Test that a map has all `keys`.
    HasMapFields {
        fail: Label,
        src: Src,
        keys: Box<[Src]>,
    },
    /// Fetch map values into registers, or jump to `fail` if a key is missing.
    GetMapElements {
        fail: Label,
        src: Src,
        pairs: Box<[(Src, Dst)]>,
    },
    /// Move a float between float registers and X/Y registers.
    FMove { src: FSrc, dst: FDst },
    /// Convert a number to a float register (`badarith` if not a number).
    FConv { src: Src, dst: u16 },
    /// Float arithmetic on float registers (`badarith` on a non-finite result).
    FArith { op: FOp, a: u16, b: u16, dst: u16 },
    /// Build a binary from segments (OTP 25 `bs_create_bin`).
    BsCreate {
        fail: Label,
        dst: Dst,
        segments: Box<[BsSegment]>,
    },
    /// Start matching a binary: a match context in `dst`, or jump to `fail`.
    BsStartMatch { fail: Label, src: Src, dst: Dst },
    /// The match position.
    BsGetPosition { ctx: Src, dst: Dst },
    /// Set the match position.
    BsSetPosition { ctx: Src, pos: Src },
    /// The rest of the binary from the match position.
    BsGetTail { ctx: Src, dst: Dst },
    /// Match an integer, float or binary segment.
    BsGet {
        kind: BsType,
        fail: Label,
        ctx: Src,
        size: BsSize,
        unit: u32,
        flags: u8,
        dst: Dst,
    },
    /// Skip bits.
    BsSkip {
        fail: Label,
        ctx: Src,
        size: BsSize,
        unit: u32,
    },
    /// Test that exactly `bits` bits are left.
    BsTestTail { fail: Label, ctx: Src, bits: u32 },
    /// Test that the bits left are a multiple of `unit`.
    BsTestUnit { fail: Label, ctx: Src, unit: u32 },
    /// Match literal bits.
    BsMatchString {
        fail: Label,
        ctx: Src,
        bits: u32,
        bytes: Box<[u8]>,
    },
    /// Match (or skip, without `dst`) a UTF-8/16/32 code point.
    BsGetUtf {
        fail: Label,
        ctx: Src,
        width: u8,
        flags: u8,
        dst: Option<Dst>,
    },
    /// Start building a binary of a known size (OTP 24 `bs_init2`/`bs_init_bits`).
    BsInit {
        fail: Label,
        size: Src,
        unit: u32,
        dst: Dst,
    },
    /// Write a segment into the binary being built.
    BsPut { fail: Label, segment: BsSegment },
    /// `a + b * unit`, for computing sizes.
    BsAdd {
        fail: Label,
        a: Src,
        b: Src,
        unit: u32,
        dst: Dst,
    },
    /// The bytes a code point takes in UTF-8 (8) or UTF-16 (16).
    BsUtfSize {
        fail: Label,
        src: Src,
        width: u8,
        dst: Dst,
    },
    /// Start appending `size * unit` bits to `bin`; the result goes to `dst`.
    BsAppend {
        fail: Label,
        size: Src,
        unit: u32,
        bin: Src,
        dst: Dst,
    },
    /// x(0) = an empty binary to append to.
    BsInitWritable,
    /// A copy of tuple `src` with elements replaced (OTP 26 `update_record`; 0-based).
    UpdateRecord {
        src: Src,
        dst: Dst,
        updates: Box<[(u32, Src)]>,
    },
    /// OTP 29 `is_any_native_record` / `is_native_record`: jump to `fail` unless `src`
    /// is a native record (of record `name` of `module`, when `id` is given).
    IsNativeRecord {
        fail: Label,
        src: Src,
        id: Option<(Term, Term)>,
    },
    /// OTP 29 `is_record_accessible`: jump to `fail` unless the record `src` is
    /// exported or, with `module` (a `#_{}` pattern), defined in that module.
    IsRecordAccessible {
        fail: Label,
        src: Src,
        module: Option<Term>,
    },
    /// OTP 29 `get_record_elements`: fields of record `src` into registers; jump to
    /// `fail` if one is missing.
    GetRecordElements {
        fail: Label,
        src: Src,
        pairs: Box<[(Term, Dst)]>,
    },
    /// OTP 29 `put_record`: a new record `id` (an atom: this module's record; `{M,
    /// N}`: another module's exported one) when `src` is `None`, else a copy of record
    /// `src` with `updates`.
    PutRecord {
        fail: Label,
        id: Term,
        src: Option<Src>,
        dst: Dst,
        updates: Box<[(Term, Src)]>,
    },
    /// OTP 29 `get_record_field`: field `field` of record `src` of `id` (a name atom,
    /// `{M, N}`, or `'_'`).
    GetRecordField {
        fail: Label,
        src: Src,
        id: Term,
        field: Term,
        dst: Dst,
    },
    /// Match several fixed segments at once (OTP 26 `bs_match`).
    BsMatch {
        fail: Label,
        ctx: Src,
        commands: Box<[BsCommand]>,
    },
    /// The body of a NIF the VM implements: tail-calls the native `mfa`.
    Nif { mfa: super::Mfa },
    /// Does nothing (receive markers, `nif_start`, `executable_line`, …).
    Nop,
    /// An instruction this VM does not run yet: executing it faults the process.
    Unsupported(Opcode),
}
