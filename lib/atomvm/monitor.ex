defmodule AtomVM.Monitor do
  @moduledoc """
  A serial monitor (Rust, `native/serial_monitor`): prints what the device writes as
  it comes, says when the device goes away (a reset, a cable pulled) and reconnects
  when it is back, and stops on Ctrl-C or Ctrl-] typed in the terminal.
  """

  alias AtomVM.Native

  @doc """
  Monitors `port` at `baud` until the user stops it (or `stop/1` is called from
  elsewhere with the id sent as `{:monitor_started, id}` to `notify`). `output`
  receives the device's bytes.
  """
  @spec run(String.t(), pos_integer(), keyword()) :: :ok
  def run(port, baud, opts \\ []) do
    output = Keyword.get(opts, :output, &IO.binwrite(:stdio, &1))
    keyboard = Keyword.get(opts, :keyboard, true)
    id = Native.monitor_start(port, baud, keyboard, self())
    if notify = opts[:notify], do: send(notify, {:monitor_started, id})
    loop(id, output)
  end

  @doc "Stops the monitor `id`."
  @spec stop(non_neg_integer()) :: boolean()
  def stop(id), do: Native.monitor_stop(id)

  defp loop(id, output) do
    receive do
      {:atomvm_monitor, ^id, {:data, bytes}} ->
        output.(bytes)
        loop(id, output)

      {:atomvm_monitor, ^id, {:event, {kind, port}}} ->
        IO.puts(:stderr, "\r\n" <> event(kind, port))
        loop(id, output)

      {:atomvm_monitor, ^id, :done} ->
        IO.puts(:stderr, "\r\n--- monitor stopped ---")
        :ok
    end
  end

  defp event(:connected, port), do: "--- #{port} connected (Ctrl-C or Ctrl-] to quit) ---"
  defp event(:disconnected, port), do: "--- #{port} went away; waiting for it to come back ---"
  defp event(:waiting, port), do: "--- waiting for #{port} to appear ---"
end
