defmodule ExExceptionsUncaughtRaise do
  def id(x), do: x

  defmodule FatalError do
    defexception [:code]

    @impl true
    def message(%{code: c}), do: "fatal error with code #{c}"
  end

  def step(n) do
    IO.puts("step #{n}: #{inspect(Enum.map(1..n, &(&1 * n)))}")
  end

  def start do
    Enum.each(1..5, &step/1)
    r =
      try do
        raise FatalError, code: 1
      rescue
        e -> Exception.message(e)
      end
    IO.puts("recovered once: #{r}")
    IO.puts("about to raise for real")
    if __MODULE__.id(true) do
      raise FatalError, code: __MODULE__.id(42)
    end
    IO.puts("never printed")
  end
end
