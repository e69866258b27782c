defmodule ExExceptionsRescue do
  def id(x), do: x

  def risky(:arg), do: raise(ArgumentError, "bad arg here")
  def risky(:runtime), do: raise("plain runtime")
  def risky(:key), do: Map.fetch!(__MODULE__.id(%{}), :k)
  def risky(:arith), do: 1 / __MODULE__.id(0)
  def risky(:match), do: ({:ok, _} = __MODULE__.id(:nope))
  def risky(:throw), do: throw(:thrown)
  def risky(:exit), do: exit(:bye)
  def risky(:ok), do: :fine

  def handle(kind) do
    try do
      risky(kind)
    rescue
      e in [ArgumentError, KeyError] -> {:arg_or_key, e.__struct__, Exception.message(e)}
      e in RuntimeError -> {:runtime, e.message}
      e in ArithmeticError -> {:arith, Exception.message(e)}
      e -> {:other_exception, e.__struct__}
    catch
      :throw, v -> {:caught_throw, v}
      :exit, r -> {:caught_exit, r}
    else
      v -> {:no_error, v}
    after
      IO.write("[after #{kind}] ")
    end
  end

  def reraiser do
    try do
      raise ArgumentError, "original"
    rescue
      e -> reraise e, __STACKTRACE__
    end
  end

  def wrap_reraise do
    try do
      __MODULE__.id(:x) + 1
    rescue
      e in ArithmeticError ->
        reraise RuntimeError, [message: "wrapped: " <> Exception.message(e)], __STACKTRACE__
    end
  end

  def implicit_try(x) do
    10 / x
  rescue
    ArithmeticError -> :div_by_zero
  else
    r -> {:result, r}
  after
    IO.write("(implicit after) ")
  end

  def start do
    for k <- [:arg, :runtime, :key, :arith, :match, :throw, :exit, :ok] do
      IO.inspect(handle(k))
    end
    IO.inspect(try(do: reraiser(), rescue: (e -> {:reraised, Exception.message(e)})))
    IO.inspect(try(do: wrap_reraise(), rescue: (e -> {e.__struct__, Exception.message(e)})))
    IO.inspect(implicit_try(__MODULE__.id(0)))
    IO.inspect(implicit_try(__MODULE__.id(4)))
    r =
      try do
        raise "boom"
      rescue
        RuntimeError -> :matched_by_module_name
      end
    IO.inspect(r)
    r2 =
      try do
        :erlang.error(:badarg)
      rescue
        e -> {e.__struct__, Exception.message(e)}
      end
    IO.inspect(r2)
    r3 =
      try do
        :erlang.error({:custom, :reason})
      rescue
        e in ErlangError -> {e.original, Exception.message(e)}
      end
    IO.inspect(r3)
    r4 =
      try do
        :erlang.error(:some_atom)
      catch
        kind, reason -> {kind, reason}
      end
    IO.inspect(r4)
    r5 =
      try do
        raise ArgumentError
      catch
        :error, %ArgumentError{} = e -> {:caught_struct, e.message}
      end
    IO.inspect(r5)
    r6 =
      try do
        try do
          raise "inner"
        after
          IO.puts("inner after runs first")
        end
      rescue
        e -> "outer rescued #{Map.get(e, :message)}"
      end
    IO.inspect(r6)
    r7 =
      try do
        try do
          throw(:deep)
        rescue
          _ -> :wrong
        end
      catch
        :deep -> :caught_deep_throw
      end
    IO.inspect(r7)
    IO.inspect(try(do: raise(KeyError, key: :x, term: %{}), rescue: (e -> Exception.message(e))))
    IO.inspect(try(do: raise(KeyError, "custom key msg"), rescue: (e -> Exception.message(e))))
    e = RuntimeError.exception("built manually")
    IO.inspect(e)
    IO.inspect(is_exception(e))
    IO.inspect(is_exception(e, RuntimeError))
    IO.inspect(try(do: raise(e), rescue: (x -> x == e)))
    IO.inspect(Exception.format_banner(:error, e))
    IO.inspect(Exception.format_banner(:throw, :val))
    IO.inspect(Exception.format_banner(:exit, :shutdown))
    IO.inspect(Exception.format(:error, %ArgumentError{message: "fmt"}, []))
  end
end
