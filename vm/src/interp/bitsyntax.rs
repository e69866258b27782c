//! The bit syntax: building binaries (`bs_create_bin`, and OTP 24's `bs_init2` +
//! `bs_put_*`) and matching them through match contexts.
//!
//! A match context is a boxed object `[binary, position]` in the process heap; the
//! position is updated in place, as BEAM does. Sub-binaries always point at the root
//! binary, so matching a tail of a tail never nests.

use super::bits::{BitReader, BitWriter};
use super::exec::{fail_or, get, put, Flow};
use super::{Exception, Fault, Yield};
use crate::heap::{BitStr, Int, Mem};
use crate::module::{BsCommand, BsSegment, BsSize, BsType, Instr, Label, Src};
use crate::process::Process;
use crate::term::{Area, HeaderKind, Term};
use crate::vm::Vm;

fn fault(message: &str) -> Flow {
    Flow::Stop(Yield::Faulted(Fault(message.into())))
}

/// The root binary and bit offset a bitstring term refers to.
fn root(mem: &Mem<'_>, t: Term) -> Option<(Term, usize)> {
    match mem.boxed(t)? {
        (h, [base, offset, _]) if h.kind == HeaderKind::SubBin => {
            Some((*base, usize::try_from(offset.as_small()?).ok()?))
        }
        (h, _) if matches!(h.kind, HeaderKind::HeapBin | HeaderKind::RefcBin) => Some((t, 0)),
        _ => None,
    }
}

/// A sub-binary of `bits` bits at `offset` within bitstring `of` (flattened).
fn sub_binary(
    proc: &mut Process,
    lits: &crate::heap::Heap,
    of: Term,
    offset: usize,
    bits: usize,
) -> Term {
    let base = root(&proc.heap.mem(lits), of);
    match base {
        Some((root, start)) => proc.heap.sub_binary(root, start + offset, bits),
        None => Term::NONE,
    }
}

/// A match context's binary and position.
pub(crate) fn context(mem: &Mem<'_>, ctx: Term) -> Option<(Term, usize)> {
    match mem.boxed(ctx)? {
        (h, [bin, pos, ..]) if h.kind == HeaderKind::MatchCtx => {
            Some((*bin, usize::try_from(pos.as_small()?).ok()?))
        }
        _ => None,
    }
}

/// A match context's binary, position and bits, or the fault to stop with.
fn open_context<'a>(
    mem: &Mem<'a>,
    ctx: Term,
    what: &str,
) -> Result<(Term, usize, BitStr<'a>), Flow> {
    let (bin, pos) = context(mem, ctx).ok_or_else(|| fault(&format!("{what} on a non-context")))?;
    let src = mem.bitstr(bin).ok_or_else(|| fault("bad match context"))?;
    Ok((bin, pos, src))
}

fn set_position(proc: &mut Process, ctx: Term, pos: usize) {
    if let Some((Area::Heap, at)) = ctx.as_boxed() {
        if let Some(slot) = proc.heap.words.get_mut(at + 2) {
            *slot = Term::small(pos as i64).unwrap_or(Term::NIL);
        }
    }
}

/// The size in bits of a segment (`None` for a bad size).
fn size_bits(
    mem: &Mem<'_>,
    proc: &Process,
    x: &[Term],
    size: BsSize,
    unit: u32,
) -> Option<Option<usize>> {
    match size {
        BsSize::All => Some(None),
        BsSize::Default => Some(None),
        BsSize::Src(s) => {
            let v = get(proc, x, s);
            let n = usize::try_from(v.as_small()?).ok()?;
            Some(Some(n.checked_mul(unit.max(1) as usize)?))
        }
    }
    .or_else(|| {
        let _ = mem;
        None
    })
}

/// Executes one bit-syntax instruction.
pub(super) fn step(vm: &mut Vm, proc: &mut Process, x: &mut [Term], instr: &Instr) -> Flow {
    match instr {
        Instr::BsCreate {
            fail,
            dst,
            segments,
        } => {
            if let Some(t) = append_in_place(vm, proc, x, segments) {
                put(proc, x, *dst, t);
                return Flow::Next;
            }
            create(vm, proc, x, *fail, *dst, segments)
        }
        Instr::BsStartMatch { fail, src, dst } => {
            let t = get(proc, x, *src);
            let mem = proc.heap.mem(&vm.literals);
            if mem.kind(t) == Some(HeaderKind::MatchCtx) {
                put(proc, x, *dst, t);
                return Flow::Next;
            }
            if mem.bitstr(t).is_none() {
                return if *fail == crate::module::NO_LABEL {
                    Flow::Raise(Exception::badarg())
                } else {
                    Flow::Jump(*fail)
                };
            }
            let ctx = proc.heap.match_context(t, 0, 0);
            put(proc, x, *dst, ctx);
            Flow::Next
        }
        Instr::BsGetPosition { ctx, dst } => {
            let c = get(proc, x, *ctx);
            match context(&proc.heap.mem(&vm.literals), c) {
                Some((_, pos)) => {
                    let t = proc.heap.int(pos as i64);
                    put(proc, x, *dst, t);
                    Flow::Next
                }
                None => fault("bs_get_position on a non-context"),
            }
        }
        Instr::BsSetPosition { ctx, pos } => {
            let (c, p) = (get(proc, x, *ctx), get(proc, x, *pos));
            match p.as_small().and_then(|p| usize::try_from(p).ok()) {
                Some(p) => {
                    set_position(proc, c, p);
                    Flow::Next
                }
                None => fault("bs_set_position with a bad position"),
            }
        }
        Instr::BsGetTail { ctx, dst } => {
            let c = get(proc, x, *ctx);
            let mem = proc.heap.mem(&vm.literals);
            let Some((bin, pos)) = context(&mem, c) else {
                return fault("bs_get_tail on a non-context");
            };
            let Some(total) = mem.bitstr(bin).map(|b| b.bits) else {
                return fault("bad match context");
            };
            let t = sub_binary(proc, &vm.literals, bin, pos, total.saturating_sub(pos));
            put(proc, x, *dst, t);
            Flow::Next
        }
        Instr::BsGet {
            kind,
            fail,
            ctx,
            size,
            unit,
            flags,
            dst,
        } => {
            let c = get(proc, x, *ctx);
            let mem = proc.heap.mem(&vm.literals);
            let (bin, pos, src) = match open_context(&mem, c, "bs_get") {
                Ok(opened) => opened,
                Err(flow) => return flow,
            };
            let reader = BitReader { src };
            let Some(bits) = size_bits(&mem, proc, x, *size, *unit) else {
                return Flow::Jump(*fail);
            };
            let left = reader.left(pos);
            let (value, used) = match kind {
                BsType::Integer => {
                    let n = bits.unwrap_or(0);
                    match reader.int(pos, n, *flags) {
                        Some(Int::Small(v)) => (Value::Int(v), n),
                        Some(Int::Big(b)) => (Value::Big(b), n),
                        None => return Flow::Jump(*fail),
                    }
                }
                BsType::Float => {
                    let n = bits.unwrap_or(64);
                    match reader.float(pos, n, *flags) {
                        Some(f) => (Value::Float(f), n),
                        None => return Flow::Jump(*fail),
                    }
                }
                _ => {
                    let n = match bits {
                        Some(n) => n,
                        None if left % (*unit).max(1) as usize == 0 => left,
                        None => return Flow::Jump(*fail),
                    };
                    if n > left {
                        return Flow::Jump(*fail);
                    }
                    (Value::Sub(bin, pos, n), n)
                }
            };
            let t = match value {
                Value::Int(v) => proc.heap.int(v),
                Value::Big(b) => proc.heap.bigint(&b),
                Value::Float(f) => proc.heap.float(f),
                Value::Sub(bin, at, n) => sub_binary(proc, &vm.literals, bin, at, n),
            };
            set_position(proc, c, pos + used);
            put(proc, x, *dst, t);
            Flow::Next
        }
        Instr::BsSkip {
            fail,
            ctx,
            size,
            unit,
        } => {
            let c = get(proc, x, *ctx);
            let mem = proc.heap.mem(&vm.literals);
            let Some((bin, pos)) = context(&mem, c) else {
                return fault("bs_skip on a non-context");
            };
            let left = mem.bitstr(bin).map_or(0, |b| b.bits.saturating_sub(pos));
            let n = match size_bits(&mem, proc, x, *size, *unit) {
                Some(Some(n)) => n,
                Some(None) if left % (*unit).max(1) as usize == 0 => left,
                _ => return Flow::Jump(*fail),
            };
            if n > left {
                return Flow::Jump(*fail);
            }
            set_position(proc, c, pos + n);
            Flow::Next
        }
        Instr::BsTestTail { fail, ctx, bits } => {
            with_left(vm, proc, x, *ctx, |left| left == *bits as usize, *fail)
        }
        Instr::BsTestUnit { fail, ctx, unit } => with_left(
            vm,
            proc,
            x,
            *ctx,
            |left| left % (*unit).max(1) as usize == 0,
            *fail,
        ),
        Instr::BsMatchString {
            fail,
            ctx,
            bits,
            bytes,
        } => {
            let c = get(proc, x, *ctx);
            let mem = proc.heap.mem(&vm.literals);
            let (_, pos, src) = match open_context(&mem, c, "bs_match_string") {
                Ok(opened) => opened,
                Err(flow) => return flow,
            };
            let want = BitStr {
                bytes,
                offset: 0,
                bits: *bits as usize,
            };
            if src.bits.saturating_sub(pos) < want.bits
                || (0..want.bits).any(|i| src.bit(pos + i) != want.bit(i))
            {
                return Flow::Jump(*fail);
            }
            set_position(proc, c, pos + want.bits);
            Flow::Next
        }
        Instr::BsGetUtf {
            fail,
            ctx,
            width,
            flags,
            dst,
        } => {
            let c = get(proc, x, *ctx);
            let mem = proc.heap.mem(&vm.literals);
            let (_, pos, src) = match open_context(&mem, c, "bs_get_utf") {
                Ok(opened) => opened,
                Err(flow) => return flow,
            };
            match (BitReader { src }).utf(pos, *width, *flags) {
                Some((code, used)) => {
                    set_position(proc, c, pos + used);
                    if let Some(d) = dst {
                        let t = proc.heap.int(i64::from(code));
                        put(proc, x, *d, t);
                    }
                    Flow::Next
                }
                None => Flow::Jump(*fail),
            }
        }
        Instr::BsInit {
            fail,
            size,
            unit,
            dst,
        } => {
            let n = get(proc, x, *size)
                .as_small()
                .and_then(|n| usize::try_from(n).ok());
            let Some(bits) = n.and_then(|n| n.checked_mul(*unit as usize)) else {
                return fail_or(*fail, Exception::badarg());
            };
            let zeros = vec![0u8; bits.div_ceil(8)];
            let t = proc.heap.bitstring(&zeros, bits);
            proc.bs_target = [t];
            proc.bs_pos = 0;
            put(proc, x, *dst, t);
            Flow::Next
        }
        Instr::BsPut { fail, segment } => {
            let w = match build(
                vm,
                proc,
                x,
                std::slice::from_ref(segment),
                BitWriter::default(),
            ) {
                Ok(w) => w,
                Err(e) => return fail_or(*fail, e),
            };
            let target = proc.bs_target[0];
            let pos = proc.bs_pos;
            match proc.heap.binary_bytes_mut(target) {
                Some(bytes) => {
                    write_bits(bytes, pos, &w.bytes, w.bits);
                    proc.bs_pos = pos + w.bits;
                    Flow::Next
                }
                None => fault("bs_put without a binary under construction"),
            }
        }
        Instr::BsAdd {
            fail,
            a,
            b,
            unit,
            dst,
        } => {
            let (va, vb) = (get(proc, x, *a).as_small(), get(proc, x, *b).as_small());
            match (va, vb) {
                (Some(va), Some(vb)) if va >= 0 && vb >= 0 => {
                    let t = proc.heap.int(va + vb * i64::from(*unit));
                    put(proc, x, *dst, t);
                    Flow::Next
                }
                _ => fail_or(*fail, Exception::badarg()),
            }
        }
        Instr::BsUtfSize {
            fail,
            src,
            width,
            dst,
        } => {
            let c = get(proc, x, *src)
                .as_small()
                .and_then(|v| u32::try_from(v).ok())
                .and_then(char::from_u32);
            match c {
                Some(c) => {
                    let n = if *width == 8 {
                        c.len_utf8()
                    } else {
                        c.len_utf16() * 2
                    };
                    let t = proc.heap.int(n as i64);
                    put(proc, x, *dst, t);
                    Flow::Next
                }
                None => fail_or(*fail, Exception::badarg()),
            }
        }
        Instr::BsAppend {
            fail,
            size,
            unit,
            bin,
            dst,
        } => {
            let (n, b) = (get(proc, x, *size).as_small(), get(proc, x, *bin));
            let mem = proc.heap.mem(&vm.literals);
            let (Some(n), Some(src)) = (n.and_then(|n| usize::try_from(n).ok()), mem.bitstr(b))
            else {
                return fail_or(*fail, Exception::badarg());
            };
            // The size operand counts bits; the unit only says how the
            // binary being appended to must be aligned (as in erts).
            if *unit > 1 && src.bits % *unit as usize != 0 {
                return fail_or(*fail, Exception::badarg());
            }
            let mut w = BitWriter::default();
            w.push_bitstr(&src);
            let start = w.bits;
            let extra = n;
            let mut bytes = w.bytes;
            bytes.resize((start + extra).div_ceil(8), 0);
            let t = proc.heap.bitstring(&bytes, start + extra);
            proc.bs_target = [t];
            proc.bs_pos = start;
            put(proc, x, *dst, t);
            Flow::Next
        }
        Instr::BsMatch {
            fail,
            ctx,
            commands,
        } => {
            let c = get(proc, x, *ctx);
            let (bin, mut pos) = match context(&proc.heap.mem(&vm.literals), c) {
                Some(found) => found,
                None => return fault("bs_match on a non-context"),
            };
            let total = match proc.heap.mem(&vm.literals).bitstr(bin) {
                Some(b) => b.bits,
                None => return fault("bad match context"),
            };
            for command in commands.iter() {
                let left = total.saturating_sub(pos);
                match *command {
                    BsCommand::EnsureAtLeast { stride, unit } => {
                        let stride = stride as usize;
                        if left < stride || (unit > 1 && (left - stride) % unit as usize != 0) {
                            return Flow::Jump(*fail);
                        }
                    }
                    BsCommand::EnsureExactly { stride } => {
                        if left != stride as usize {
                            return Flow::Jump(*fail);
                        }
                    }
                    BsCommand::Skip { stride } => pos += stride as usize,
                    BsCommand::Integer { flags, bits, dst } => {
                        let value = {
                            let mem = proc.heap.mem(&vm.literals);
                            let Some(src) = mem.bitstr(bin) else {
                                return fault("bad match context");
                            };
                            (BitReader { src }).int(pos, bits as usize, flags)
                        };
                        let t = match value {
                            Some(Int::Small(v)) => proc.heap.int(v),
                            Some(Int::Big(b)) => proc.heap.bigint(&b),
                            None => return Flow::Jump(*fail),
                        };
                        pos += bits as usize;
                        put(proc, x, dst, t);
                    }
                    BsCommand::Binary { bits, dst } => {
                        if bits as usize > left {
                            return Flow::Jump(*fail);
                        }
                        let t = sub_binary(proc, &vm.literals, bin, pos, bits as usize);
                        pos += bits as usize;
                        put(proc, x, dst, t);
                    }
                    BsCommand::GetTail { dst } => {
                        let t = sub_binary(proc, &vm.literals, bin, pos, left);
                        pos = total;
                        put(proc, x, dst, t);
                    }
                    BsCommand::Equal { bits, value } => {
                        let mem = proc.heap.mem(&vm.literals);
                        let Some(src) = mem.bitstr(bin) else {
                            return fault("bad match context");
                        };
                        let got = (BitReader { src }).int(pos, bits as usize, 0);
                        let want = mem.int(value);
                        if got.is_none() || got != want {
                            return Flow::Jump(*fail);
                        }
                        pos += bits as usize;
                    }
                }
            }
            set_position(proc, c, pos);
            Flow::Next
        }
        Instr::BsInitWritable => {
            x[0] = proc.heap.binary(&[]);
            Flow::Next
        }
        _ => fault("not a bit-syntax instruction"),
    }
}

enum Value {
    Int(i64),
    Big(num_bigint::BigInt),
    Float(f64),
    Sub(Term, usize, usize),
}

fn create(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    fail: Label,
    dst: crate::module::Dst,
    segments: &[BsSegment],
) -> Flow {
    match build(vm, proc, x, segments, BitWriter::default()) {
        Ok(w) => {
            let t = proc.heap.bitstring(&w.bytes, w.bits);
            put(proc, x, dst, t);
            Flow::Next
        }
        Err(e) => fail_or(fail, e),
    }
}

/// `<<Bin/binary, ...>>` where `Bin` is an off-heap binary that owns the end of its
/// buffer: the buffer grows in place and the result shares it (as BEAM's writable
/// binaries do), so building a binary by repeated appends is linear, not quadratic.
fn append_in_place(
    vm: &Vm,
    proc: &mut Process,
    x: &[Term],
    segments: &[BsSegment],
) -> Option<Term> {
    let (first, rest) = segments.split_first()?;
    if first.kind != BsType::Append {
        return None;
    }
    let base = get(proc, x, first.src);
    let (index, bits) = match proc.heap.mem(&vm.literals).boxed(base)? {
        (h, [size, index]) if h.kind == HeaderKind::RefcBin => (
            usize::try_from(index.as_small()?).ok()?,
            usize::try_from(size.as_small()?).ok()?,
        ),
        _ => return None,
    };
    if bits % 8 != 0 || !matches!(base.as_boxed(), Some((Area::Heap, _))) {
        return None;
    }
    let w = build(vm, proc, x, rest, BitWriter::default()).ok()?;
    if w.bits % 8 != 0 {
        return None;
    }
    let buffer = std::sync::Arc::get_mut(proc.heap.offheap.get_mut(index)?)?;
    if buffer.len() * 8 != bits {
        return None;
    }
    buffer.extend_from_slice(&w.bytes);
    Some(proc.heap.refc_binary(index, bits + w.bits))
}

fn with_left(
    vm: &Vm,
    proc: &Process,
    x: &[Term],
    ctx: Src,
    test: impl Fn(usize) -> bool,
    fail: Label,
) -> Flow {
    let c = get(proc, x, ctx);
    let mem = proc.heap.mem(&vm.literals);
    let Some((bin, pos)) = context(&mem, c) else {
        return fault("bit test on a non-context");
    };
    let left = mem.bitstr(bin).map_or(0, |b| b.bits.saturating_sub(pos));
    if test(left) {
        Flow::Next
    } else {
        Flow::Jump(fail)
    }
}

/// Copies `bits` bits of `src` into `dst` starting at bit `pos`.
fn write_bits(dst: &mut [u8], pos: usize, src: &[u8], bits: usize) {
    for i in 0..bits {
        let bit = src.get(i / 8).is_some_and(|b| b & (0x80 >> (i % 8)) != 0);
        let at = pos + i;
        if let Some(byte) = dst.get_mut(at / 8) {
            let mask = 0x80 >> (at % 8);
            if bit {
                *byte |= mask;
            } else {
                *byte &= !mask;
            }
        }
    }
}

/// Appends `segments` to `w`; `badarg` when a value does not fit its segment.
fn build(
    vm: &Vm,
    proc: &Process,
    x: &[Term],
    segments: &[BsSegment],
    mut w: BitWriter,
) -> Result<BitWriter, Exception> {
    let mem = proc.heap.mem(&vm.literals);
    for seg in segments {
        let value = get(proc, x, seg.src);
        let bits = size_bits(&mem, proc, x, seg.size, seg.unit).ok_or_else(Exception::badarg)?;
        match seg.kind {
            BsType::Integer => {
                let v = mem.int(value).ok_or_else(Exception::badarg)?;
                w.push_int(&v, bits.unwrap_or(8), seg.flags);
            }
            BsType::Float => {
                let f = match (mem.float(value), mem.int(value)) {
                    (Some(f), _) => f,
                    (None, Some(i)) => num_traits::ToPrimitive::to_f64(&i.to_big())
                        .ok_or_else(Exception::badarg)?,
                    _ => return Err(Exception::badarg()),
                };
                if !w.push_float(f, bits.unwrap_or(64), seg.flags) {
                    return Err(Exception::badarg());
                }
            }
            BsType::Binary | BsType::Append => {
                let b = mem.bitstr(value).ok_or_else(Exception::badarg)?;
                match bits {
                    None => {
                        if b.bits % seg.unit.max(1) as usize != 0 {
                            return Err(Exception::badarg());
                        }
                        w.push_bitstr(&b);
                    }
                    Some(n) if n <= b.bits => w.push_bitstr(&BitStr { bits: n, ..b }),
                    Some(_) => return Err(Exception::badarg()),
                }
            }
            BsType::Utf8 | BsType::Utf16 | BsType::Utf32 => {
                let width = match seg.kind {
                    BsType::Utf8 => 8,
                    BsType::Utf16 => 16,
                    _ => 32,
                };
                let code = value.as_small().ok_or_else(Exception::badarg)?;
                if !w.push_utf(code, width, seg.flags) {
                    return Err(Exception::badarg());
                }
            }
            BsType::String => w.push_bytes(&seg.string),
        }
    }
    Ok(w)
}
