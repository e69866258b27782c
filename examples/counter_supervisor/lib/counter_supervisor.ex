defmodule CounterSupervisor do
  @moduledoc """
  A counter `GenServer` under a `Supervisor`: the counter crashes on purpose, the
  supervisor restarts it, and the program goes on counting from zero.
  """

  alias CounterSupervisor.Counter

  @doc "AtomVM's entry point."
  def start do
    {:ok, sup} = Supervisor.start_link([Counter], strategy: :one_for_one)

    for _ <- 1..3, do: Counter.increment()
    IO.puts("count: #{Counter.value()}")

    old = Process.whereis(Counter)
    ref = Process.monitor(old)
    Counter.crash()

    receive do
      {:DOWN, ^ref, :process, ^old, {exception, _stacktrace}} ->
        IO.puts("counter crashed: #{Exception.message(exception)}")
    end

    wait_for_restart(old)
    IO.puts("restarted, count: #{Counter.value()}")
    Counter.increment()
    IO.puts("count: #{Counter.value()}")

    %{active: active} = Supervisor.count_children(sup)
    IO.puts("children running: #{active}")
    Supervisor.stop(sup)
  end

  defp wait_for_restart(old) do
    case Process.whereis(Counter) do
      pid when is_pid(pid) and pid != old ->
        :ok

      _ ->
        Process.sleep(1)
        wait_for_restart(old)
    end
  end
end
