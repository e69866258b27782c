defmodule ExSupMaxRestarts do
  defmodule Worker do
    use GenServer

    def start_link({name, main}), do: GenServer.start_link(__MODULE__, {name, main}, name: name)

    @impl true
    def init({name, main}) do
      send(main, {:started, name})
      {:ok, name}
    end

    @impl true
    def handle_cast(:crash, name), do: {:stop, {:crash, name}, name}
  end

  defmodule FailingInit do
    use GenServer

    def start_link(arg), do: GenServer.start_link(__MODULE__, arg)

    @impl true
    def init(:fail), do: {:stop, :init_failed}
  end

  def start do
    main = self()
    Process.flag(:trap_exit, true)

    # max_restarts: 1 -> the second crash takes the supervisor down with :shutdown
    children = [{Worker, {:ex_smr_w, main}}]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 1, max_seconds: 5)
    ref = Process.monitor(sup)
    IO.inspect(wait_started(), label: "first start")

    crash(:ex_smr_w)
    IO.inspect(wait_started(), label: "restart after first crash")
    IO.inspect(Process.alive?(sup), label: "sup alive after 1 crash")

    crash(:ex_smr_w)

    receive do
      {:DOWN, ^ref, :process, ^sup, reason} -> IO.inspect(reason, label: "sup down reason")
    end

    receive do
      {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "sup EXIT to parent")
    end

    extra =
      receive do
        {:started, _} -> :restarted_again
      after
        20 -> :no_more_starts
      end

    IO.inspect(extra, label: "after shutdown")
    IO.inspect(Process.whereis(:ex_smr_w), label: "worker gone")

    # max_restarts: 0 -> the first crash kills the supervisor
    {:ok, sup2} = Supervisor.start_link([{Worker, {:ex_smr_w2, main}}], strategy: :one_for_one, max_restarts: 0)
    ref2 = Process.monitor(sup2)
    wait_started()
    crash(:ex_smr_w2)

    receive do
      {:DOWN, ^ref2, :process, ^sup2, reason} -> IO.inspect(reason, label: "max_restarts 0 down")
    end

    receive do
      {:EXIT, ^sup2, _} -> :ok
    end

    # max_restarts: 3 survives three crashes
    {:ok, sup3} = Supervisor.start_link([{Worker, {:ex_smr_w3, main}}], strategy: :one_for_one, max_restarts: 3)
    wait_started()

    for i <- 1..3 do
      crash(:ex_smr_w3)
      IO.inspect({i, wait_started()}, label: "survived crash")
    end

    IO.inspect(Supervisor.count_children(sup3).active, label: "still active")
    ref3 = Process.monitor(sup3)
    crash(:ex_smr_w3)

    receive do
      {:DOWN, ^ref3, :process, ^sup3, reason} -> IO.inspect(reason, label: "fourth crash down")
    end

    receive do
      {:EXIT, ^sup3, _} -> :ok
    end

    # a child failing in init makes Supervisor.start_link fail
    r = Supervisor.start_link([{FailingInit, :fail}], strategy: :one_for_one)

    case r do
      {:error, {:shutdown, {:failed_to_start_child, id, reason}}} ->
        IO.inspect({id, reason}, label: "failed_to_start_child")

      other ->
        IO.inspect(other, label: "start_link other")
    end

    receive do
      {:EXIT, _, reason} -> IO.inspect(reason, label: "failed sup EXIT")
    after
      200 -> IO.puts("no EXIT")
    end

    IO.puts("done")
  end

  defp crash(name), do: GenServer.cast(name, :crash)

  defp wait_started do
    receive do
      {:started, name} -> name
    after
      2000 -> :timeout
    end
  end
end
