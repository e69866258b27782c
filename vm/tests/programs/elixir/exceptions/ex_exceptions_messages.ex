defmodule ExExceptionsMessages do
  def id(x), do: x

  def only_ints(x) when is_integer(x), do: x
  def two_clauses(:a, _), do: :a
  def two_clauses(:b, y) when y > 0, do: :b

  def show(label, f) do
    try do
      f.()
      IO.puts("#{label}: no error")
    rescue
      e ->
        IO.puts("#{label}: #{inspect(e.__struct__)}")
        IO.puts("  msg: #{Exception.message(e)}")
    end
  end

  def start do
    show("ArgumentError", fn -> String.duplicate(__MODULE__.id("x"), __MODULE__.id(-1)) end)
    show("ArithmeticError +", fn -> __MODULE__.id(1) + __MODULE__.id(:a) end)
    show("ArithmeticError div", fn -> div(__MODULE__.id(1), __MODULE__.id(0)) end)
    show("ArithmeticError float", fn -> __MODULE__.id(1.0e308) * __MODULE__.id(10.0) end)
    show("KeyError map", fn -> Map.fetch!(__MODULE__.id(%{a: 1}), :b) end)
    show("KeyError dot", fn -> __MODULE__.id(%{a: 1}).b end)
    show("KeyError kw", fn -> Keyword.fetch!(__MODULE__.id([a: 1]), :b) end)
    show("MatchError", fn -> {:ok, _} = __MODULE__.id({:error, :nope}) end)
    show("MatchError binary", fn -> "abc" <> _ = __MODULE__.id("xyz") end)
    show("FunctionClauseError", fn -> only_ints(__MODULE__.id(:atom)) end)
    show("FunctionClauseError 2", fn -> two_clauses(__MODULE__.id(:b), __MODULE__.id(-1)) end)
    show("FunctionClauseError anon", fn -> __MODULE__.id(fn :only -> :ok end).(:other) end)
    show("CaseClauseError", fn -> case __MODULE__.id(5) do 1 -> :one end end)
    show("CondClauseError", fn -> cond do __MODULE__.id(false) -> :x end end)
    show("WithClauseError", fn -> with {:ok, x} <- __MODULE__.id({:error, 1}) do x else {:other} -> :o end end)
    show("TryClauseError", fn -> try do __MODULE__.id(:v) rescue _ -> :r else :w -> :w end end)
    show("BadMapError", fn -> Map.get(__MODULE__.id(:notmap), :k) end)
    show("BadMapError update", fn -> %{__MODULE__.id([]) | a: 1} end)
    show("BadBooleanError", fn -> __MODULE__.id(:notbool) and true end)
    show("BadFunctionError", fn -> __MODULE__.id(:notfun).(1) end)
    show("BadArityError", fn -> __MODULE__.id(&String.length/1).(1, 2) end)
    show("UndefinedFunctionError module", fn -> apply(__MODULE__.id(NoSuchModule), :foo, [1]) end)
    show("UndefinedFunctionError fun", fn -> apply(__MODULE__.id(String), :no_such_fun, []) end)
    show("UndefinedFunctionError erlang", fn -> apply(__MODULE__.id(:lists), :nope, [1, 2]) end)
    show("Protocol.UndefinedError", fn -> Enum.map(__MODULE__.id(123), & &1) end)
    show("Protocol.UndefinedError chars", fn -> "#{__MODULE__.id({:tuple})}" end)
    show("RuntimeError", fn -> raise __MODULE__.id("runtime msg") end)
    show("SystemLimitError", fn -> :erlang.list_to_atom(List.duplicate(?a, __MODULE__.id(300))) end)
    show("ErlangError", fn -> :erlang.error(__MODULE__.id(:weird)) end)
    show("Enum.EmptyError", fn -> Enum.max(__MODULE__.id([])) end)
    show("Enum.OutOfBoundsError", fn -> Enum.fetch!(__MODULE__.id([1]), 3) end)
    show("ArgumentError atom_to_binary", fn -> Atom.to_string(__MODULE__.id("str")) end)
    show("ArgumentError binary_to_atom", fn -> String.to_integer(__MODULE__.id("1.5")) end)
    show("ArgumentError list_to_tuple", fn -> List.to_tuple(__MODULE__.id(:no)) end)
    show("ArgumentError elem", fn -> elem(__MODULE__.id({}), 0) end)
    show("ArgumentError hd", fn -> hd(__MODULE__.id([])) end)
    show("ArgumentError tuple_size", fn -> tuple_size(__MODULE__.id([])) end)
    show("ArgumentError binary_part", fn -> binary_part(__MODULE__.id("ab"), 1, 5) end)
    show("UnicodeConversionError", fn -> List.to_string(__MODULE__.id([0x110000])) end)
    show("Integer.parse base", fn -> Integer.parse(__MODULE__.id("1"), 99) end)
    show("ok", fn -> :ok end)
  end
end
