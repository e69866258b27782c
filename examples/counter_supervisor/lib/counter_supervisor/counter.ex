defmodule CounterSupervisor.Counter do
  @moduledoc "A named counter; each increment adds the configured `:step`."
  use GenServer

  @doc false
  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: __MODULE__)

  @doc "Adds the step to the count."
  def increment, do: GenServer.cast(__MODULE__, :increment)

  @doc "The current count."
  def value, do: GenServer.call(__MODULE__, :value)

  @doc "Makes the counter crash (to show the supervisor restarting it)."
  def crash, do: GenServer.cast(__MODULE__, :crash)

  @impl true
  def init(count), do: {:ok, count}

  @impl true
  def handle_cast(:increment, count),
    do: {:noreply, count + Application.get_env(:counter_supervisor, :step, 1)}

  def handle_cast(:crash, _count), do: raise("boom")

  @impl true
  def handle_call(:value, _from, count), do: {:reply, count, count}
end
