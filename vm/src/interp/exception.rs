//! Erlang exceptions as values: a class (`error`, `exit`, `throw`), a reason, and the
//! stack trace. Internal VM faults are a separate type ([`Fault`]).

use crate::atom::atoms;
use crate::term::Term;

/// An Erlang exception on its way to a handler.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Exception {
    /// `error`, `exit` or `throw`.
    pub class: Term,
    /// The reason.
    pub reason: Term,
    /// For `function_clause`/`undef`/`badarity`-style errors: the arguments, which
    /// replace the arity in the first stack frame. `NONE` otherwise.
    pub args: Term,
    /// The stack trace, once built (`NONE` until then).
    pub trace: Term,
    /// For an exception raised by a BIF: its frame `{M, F, Args, [{error_info, ..}]}`,
    /// which goes on top of the stack trace, as in the BEAM. `NONE` otherwise.
    pub bif_frame: Term,
    /// The `{error_info, Map}` that `erlang:error/3` was given: it ends the location
    /// list of the first frame. `NONE` otherwise.
    pub error_info: Term,
    /// The stack trace leaves out the function that raised (a tail call to an
    /// undefined function: that function's frame is gone, as on the BEAM).
    pub skip_current: bool,
    /// For a BIF's error: the `cause` its `error_info` map names (`registered_name`
    /// for register/2 of a process that has a name), as the BEAM gives it.
    pub cause: Option<&'static str>,
}

impl Exception {
    /// An `error` exception.
    pub fn error(reason: Term) -> Self {
        Exception {
            class: atoms::error,
            reason,
            args: Term::NONE,
            trace: Term::NONE,
            bif_frame: Term::NONE,
            error_info: Term::NONE,
            skip_current: false,
            cause: None,
        }
    }

    /// `error:badarg`.
    pub fn badarg() -> Self {
        Exception::error(atoms::badarg)
    }

    /// `error:badarg` whose `error_info` names `cause`.
    pub fn badarg_cause(cause: &'static str) -> Self {
        Exception {
            cause: Some(cause),
            ..Exception::badarg()
        }
    }

    /// `error:badarith`.
    pub fn badarith() -> Self {
        Exception::error(atoms::badarith)
    }

    /// An `exit` exception.
    pub fn exit(reason: Term) -> Self {
        Exception {
            class: atoms::exit,
            ..Exception::error(reason)
        }
    }

    /// A `throw`.
    pub fn throw(reason: Term) -> Self {
        Exception {
            class: atoms::throw,
            ..Exception::error(reason)
        }
    }
}

/// An internal VM failure (an unsupported instruction, a corrupt term): it kills the
/// process with a diagnostic, never the VM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault(pub String);
