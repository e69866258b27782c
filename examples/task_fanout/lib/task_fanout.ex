defmodule TaskFanout do
  @moduledoc """
  Fans work out to processes with `Task` and gathers the results in order:
  `Task.async/await`, `Task.async_stream` with bounded concurrency, and a task that
  times out.
  """

  @doc "AtomVM's entry point."
  def start do
    tasks = for n <- [20, 25, 30], do: Task.async(fn -> {n, fib(n)} end)
    for {n, f} <- Task.await_many(tasks), do: IO.puts("fib(#{n}) = #{f}")

    1..10
    |> Task.async_stream(&collatz_steps/1, max_concurrency: 4)
    |> Enum.map(fn {:ok, steps} -> steps end)
    |> IO.inspect(label: "collatz steps 1..10")

    slow = Task.async(fn -> Process.sleep(1_000) end)

    case Task.yield(slow, 10) || Task.shutdown(slow) do
      nil -> IO.puts("slow task stopped after 10 ms")
      {:ok, _} -> IO.puts("slow task finished")
    end
  end

  defp fib(n) when n < 2, do: n
  defp fib(n), do: fib(n - 1) + fib(n - 2)

  defp collatz_steps(1), do: 0
  defp collatz_steps(n) when rem(n, 2) == 0, do: 1 + collatz_steps(div(n, 2))
  defp collatz_steps(n), do: 1 + collatz_steps(3 * n + 1)
end
