//! Arithmetic BIFs: integers of any size (small fast paths, then bignums), floats
//! (`badarith` on non-finite results), and the bitwise operators.

use super::arg;
use crate::heap::Int;
use crate::interp::{Context, Exception};
use crate::term::Term;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

/// A number argument.
pub enum Num {
    /// An integer.
    Int(Int),
    /// A float.
    Float(f64),
}

/// Reads a number, or fails with `badarith`.
pub fn num(ctx: &Context<'_>, t: Term) -> Result<Num, Exception> {
    let mem = ctx.mem();
    if let Some(i) = mem.int(t) {
        return Ok(Num::Int(i));
    }
    mem.float(t).map(Num::Float).ok_or_else(Exception::badarith)
}

fn to_f64(n: &Num) -> f64 {
    match n {
        Num::Float(f) => *f,
        Num::Int(Int::Small(v)) => *v as f64,
        Num::Int(Int::Big(b)) => b.to_f64().unwrap_or(f64::INFINITY),
    }
}

/// A float result, or `badarith` when it is not finite.
pub fn float_result(ctx: &mut Context<'_>, f: f64) -> Result<Term, Exception> {
    if f.is_finite() {
        Ok(ctx.heap().float(f))
    } else {
        Err(Exception::badarith())
    }
}

fn int_result(ctx: &mut Context<'_>, b: &BigInt) -> Result<Term, Exception> {
    Ok(ctx.heap().bigint(b))
}

fn binary(
    ctx: &mut Context<'_>,
    args: &[Term],
    small: fn(i64, i64) -> Option<i64>,
    big: fn(&BigInt, &BigInt) -> BigInt,
    float: fn(f64, f64) -> f64,
) -> Result<Term, Exception> {
    let (a, b) = (arg(args, 0), arg(args, 1));
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        if let Some(r) = small(x, y) {
            return Ok(ctx.heap().int(r));
        }
    }
    match (num(ctx, a)?, num(ctx, b)?) {
        (Num::Int(x), Num::Int(y)) => int_result(ctx, &big(&x.to_big(), &y.to_big())),
        (x, y) => float_result(ctx, float(to_f64(&x), to_f64(&y))),
    }
}

/// `+/2`.
pub fn add(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, i64::checked_add, |a, b| a + b, |a, b| a + b)
}

/// `-/2`.
pub fn sub(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, i64::checked_sub, |a, b| a - b, |a, b| a - b)
}

/// `*/2`.
pub fn mul(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, i64::checked_mul, |a, b| a * b, |a, b| a * b)
}

/// `//2`: always a float.
pub fn fdiv(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (a, b) = (num(ctx, arg(args, 0))?, num(ctx, arg(args, 1))?);
    let d = to_f64(&b);
    if d == 0.0 {
        return Err(Exception::badarith());
    }
    float_result(ctx, to_f64(&a) / d)
}

fn ints(ctx: &Context<'_>, args: &[Term]) -> Result<(Int, Int), Exception> {
    let mem = ctx.mem();
    match (mem.int(arg(args, 0)), mem.int(arg(args, 1))) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(Exception::badarith()),
    }
}

/// `div/2`: truncating integer division.
pub fn div(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match ints(ctx, args)? {
        (_, Int::Small(0)) => Err(Exception::badarith()),
        (Int::Small(a), Int::Small(b)) => Ok(ctx.heap().int(a.checked_div(b).unwrap_or(i64::MIN))),
        (a, b) => {
            let (a, b) = (a.to_big(), b.to_big());
            int_result(ctx, &(a / b))
        }
    }
}

/// `rem/2`: remainder with the dividend's sign.
pub fn rem(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match ints(ctx, args)? {
        (_, Int::Small(0)) => Err(Exception::badarith()),
        (Int::Small(a), Int::Small(b)) => Ok(ctx.heap().int(a.checked_rem(b).unwrap_or(0))),
        (a, b) => {
            let (a, b) = (a.to_big(), b.to_big());
            int_result(ctx, &(a % b))
        }
    }
}

/// `-/1`.
pub fn neg(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match num(ctx, arg(args, 0))? {
        Num::Int(Int::Small(v)) => Ok(ctx.heap().int(-v)),
        Num::Int(Int::Big(b)) => int_result(ctx, &-b),
        Num::Float(f) => float_result(ctx, -f),
    }
}

/// `+/1`.
pub fn plus(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    num(ctx, arg(args, 0)).map(|_| arg(args, 0))
}

/// `abs/1`.
pub fn abs(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match num(ctx, arg(args, 0)).map_err(|_| Exception::badarg())? {
        Num::Int(Int::Small(v)) => Ok(ctx.heap().int(v.abs())),
        Num::Int(Int::Big(b)) => int_result(ctx, &b.abs()),
        // BEAM before OTP 27 keeps the sign of -0.0 (it only negates values below
        // zero); from OTP 27 the result is always +0.0 or positive.
        Num::Float(f) if crate::release::get() >= 27 => float_result(ctx, f.abs()),
        Num::Float(f) => float_result(ctx, if f < 0.0 { -f } else { f }),
    }
}

fn bitwise(
    ctx: &mut Context<'_>,
    args: &[Term],
    op: fn(&BigInt, &BigInt) -> BigInt,
    small: fn(i64, i64) -> i64,
) -> Result<Term, Exception> {
    match ints(ctx, args)? {
        (Int::Small(a), Int::Small(b)) => Ok(ctx.heap().int(small(a, b))),
        (a, b) => int_result(ctx, &op(&a.to_big(), &b.to_big())),
    }
}

/// `band/2`.
pub fn band(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    bitwise(ctx, args, |a, b| a & b, |a, b| a & b)
}

/// `bor/2`.
pub fn bor(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    bitwise(ctx, args, |a, b| a | b, |a, b| a | b)
}

/// `bxor/2`.
pub fn bxor(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    bitwise(ctx, args, |a, b| a ^ b, |a, b| a ^ b)
}

/// `bnot/1`.
pub fn bnot(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match ctx
        .mem()
        .int(arg(args, 0))
        .ok_or_else(Exception::badarith)?
    {
        Int::Small(v) => Ok(ctx.heap().int(!v)),
        Int::Big(b) => int_result(ctx, &(-b - 1)),
    }
}

/// Shifts `value` left by `by` bits (right when negative).
fn shift(ctx: &mut Context<'_>, value: Int, by: Int) -> Result<Term, Exception> {
    let by = match by {
        Int::Small(n) => n,
        Int::Big(b) => {
            // Huge right shifts of anything give 0 or -1; huge left shifts are too big.
            return if b.is_negative() {
                let v = value.to_big();
                Ok(ctx.heap().int(if v.is_negative() { -1 } else { 0 }))
            } else if value.to_big().is_zero() {
                Ok(Term::small(0).unwrap_or(Term::NIL))
            } else {
                Err(Exception::error(crate::atom::atoms::system_limit))
            };
        }
    };
    let v = value.to_big();
    if by >= 0 {
        if by > 1 << 26 && !v.is_zero() {
            return Err(Exception::error(crate::atom::atoms::system_limit));
        }
        int_result(ctx, &(v << by as usize))
    } else {
        let n = by.unsigned_abs();
        let r = if n > 1 << 32 {
            if v.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            }
        } else {
            v >> n as usize
        };
        int_result(ctx, &r)
    }
}

/// `bsl/2`.
pub fn bsl(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (a, b) = ints(ctx, args)?;
    shift(ctx, a, b)
}

/// `bsr/2`.
pub fn bsr(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (a, b) = ints(ctx, args)?;
    let b = match b {
        Int::Small(n) => Int::Small(-n),
        Int::Big(n) => Int::Big(-n),
    };
    shift(ctx, a, b)
}

/// `float/1`.
pub fn float(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = num(ctx, arg(args, 0)).map_err(|_| Exception::badarg())?;
    float_result(ctx, to_f64(&n))
}

fn float_to_int(
    ctx: &mut Context<'_>,
    args: &[Term],
    f: fn(f64) -> f64,
) -> Result<Term, Exception> {
    match num(ctx, arg(args, 0)).map_err(|_| Exception::badarg())? {
        Num::Int(_) => Ok(arg(args, 0)),
        Num::Float(v) => {
            let r = f(v);
            let b = BigInt::from_f64(r).ok_or_else(Exception::badarg)?;
            int_result(ctx, &b)
        }
    }
}

/// `trunc/1`.
pub fn trunc(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    float_to_int(ctx, args, f64::trunc)
}

/// `round/1`: half away from zero.
pub fn round(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    float_to_int(ctx, args, f64::round)
}

/// `floor/1`.
pub fn floor(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    float_to_int(ctx, args, f64::floor)
}

/// `ceil/1`.
pub fn ceil(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    float_to_int(ctx, args, f64::ceil)
}

/// Integer division with flooring (for `integer_to_list/2` and friends).
pub fn div_floor(a: &BigInt, b: &BigInt) -> BigInt {
    a.div_floor(b)
}
