defmodule AtomVM.Tmp do
  @moduledoc """
  Names in the system's temporary directory that no other run can share: the OS
  process id keeps two Mix runs apart (each BEAM numbers its unique integers from the
  same small values), the unique integer keeps two calls in one run apart.
  """

  @doc """
  A path `TMPDIR/PREFIX-OSPID-N SUFFIX` that no other call of this function, in this run
  or in any other running at the same time, returns.
  """
  @spec path(String.t(), String.t()) :: Path.t()
  def path(prefix, suffix \\ "") do
    name = "#{prefix}-#{System.pid()}-#{System.unique_integer([:positive])}#{suffix}"
    Path.join(System.tmp_dir!(), name)
  end
end
