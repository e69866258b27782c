defmodule ExExceptionsUncaughtThrow do
  def id(x), do: x

  def walk([]), do: :done
  def walk([h | t]) do
    IO.puts("visiting #{inspect(h)}")
    if h == :stop, do: throw({:stopped_at, h, length(t)})
    walk(t)
  end

  def start do
    IO.puts("caught: #{inspect(catch_throw(fn -> walk([1, :stop, 2]) end))}")
    IO.puts("now walking without a catch")
    walk(__MODULE__.id([:a, "b", :stop, :c]))
    IO.puts("never printed")
  end

  def catch_throw(f) do
    f.()
  catch
    v -> v
  end
end
