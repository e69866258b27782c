defmodule ExExceptionsThrowExit do
  def id(x), do: x

  def find_first(list, pred) do
    try do
      Enum.each(list, fn x -> if pred.(x), do: throw({:found, x}) end)
      :not_found
    catch
      {:found, x} -> {:found, x}
    end
  end

  def classify(f) do
    try do
      {:returned, f.()}
    catch
      :throw, v -> {:throw, v}
      :exit, v -> {:exit, v}
      :error, v -> {:error, v}
    end
  end

  def log_after(tag) do
    try do
      IO.puts("body #{tag}")
      if tag == :raise, do: raise("in body")
      if tag == :throw, do: throw(:in_body)
      :body_value
    after
      IO.puts("after #{tag}")
    end
  end

  def start do
    IO.inspect(find_first(1..100, &(&1 * &1 > 50)))
    IO.inspect(find_first([1, 2], &(&1 > 5)))
    IO.inspect(classify(fn -> :plain end))
    IO.inspect(classify(fn -> throw(:ball) end))
    IO.inspect(classify(fn -> throw({:complex, [1, 2]}) end))
    IO.inspect(classify(fn -> exit(:normal) end))
    IO.inspect(classify(fn -> exit({:shutdown, :reason}) end))
    IO.inspect(classify(fn -> exit("string reason") end))
    IO.inspect(classify(fn -> :erlang.error(:badarith) end))
    IO.inspect(classify(fn -> raise "elixir error" end))
    IO.inspect(classify(fn -> 1 + __MODULE__.id(:a) end))
    IO.inspect(classify(fn -> :erlang.raise(:throw, :via_raise, []) end))
    IO.inspect(classify(fn -> :erlang.raise(:exit, :via_raise, []) end))
    for tag <- [:ok, :raise, :throw] do
      r =
        try do
          log_after(tag)
        rescue
          e -> {:rescued, Map.get(e, :message)}
        catch
          v -> {:caught, v}
        end
      IO.inspect(r)
    end
    r =
      try do
        throw(:x)
      catch
        :x -> :first
      after
        IO.puts("after in catch path")
      end
    IO.inspect(r)
    r2 =
      try do
        try do
          exit(:inner_exit)
        after
          IO.puts("inner after")
        end
      catch
        :exit, reason -> {:outer_caught, reason}
      end
    IO.inspect(r2)
    r3 =
      try do
        throw(:first_throw)
      catch
        :first_throw ->
          try do
            throw(:second)
          catch
            :second -> :nested_ok
          end
      end
    IO.inspect(r3)
    r4 = catch_all(fn -> Enum.reduce(1..10, 0, fn x, acc -> if x == 4, do: throw({:stop, acc}), else: acc + x end) end)
    IO.inspect(r4)
    r5 =
      try do
        throw(:not_matching)
      catch
        :other -> :wrong
        :throw, :not_matching -> :explicit_kind
      end
    IO.inspect(r5)
    r6 =
      try do
        exit(:bye)
      catch
        :exit, :bye -> :exit_caught
      else
        _ -> :else_not_run
      end
    IO.inspect(r6)
    r7 =
      try do
        :no_raise
      catch
        _ -> :never
      else
        :no_raise -> :else_ran
      end
    IO.inspect(r7)
    r8 =
      try do
        try do
          raise ArgumentError, "deep"
        catch
          :throw, _ -> :wrong_kind
        end
      rescue
        e in ArgumentError -> {:propagated, e.message}
      end
    IO.inspect(r8)
    r9 =
      try do
        try do
          throw(:a)
        after
          throw(:from_after)
        end
      catch
        v -> {:after_overrides, v}
      end
    IO.inspect(r9)
    counter = Enum.reduce(1..5, 0, fn i, acc ->
      try do
        if rem(i, 2) == 0, do: throw(:skip)
        acc + i
      catch
        :skip -> acc
      end
    end)
    IO.inspect(counter)
    IO.inspect(catch_all(fn -> exit(:nested) end))
  end

  def catch_all(f) do
    f.()
  catch
    kind, value -> {:caught, kind, value}
  end
end
