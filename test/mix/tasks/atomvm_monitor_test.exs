defmodule Mix.Tasks.Atomvm.MonitorTest do
  # The monitor through the NIF, against a pseudo-terminal standing in for a device
  # (native/serial_monitor's `fake-serial-device` program, built with cargo).
  use ExUnit.Case, async: false

  @root AtomVM.Test.Fixture.root()

  defp device! do
    {out, 0} =
      System.cmd(
        "cargo",
        ["build", "--quiet", "-p", "serial_monitor", "--bin", "fake-serial-device"],
        cd: @root,
        stderr_to_stdout: true
      )

    _ = out
    target = System.get_env("CARGO_TARGET_DIR") || Path.join(@root, "target")
    exe = Path.join([target, "debug", "fake-serial-device"])
    port = Port.open({:spawn_executable, exe}, [:binary, {:line, 4096}])

    receive do
      {^port, {:data, {:eol, path}}} -> {port, path}
    after
      10_000 -> flunk("fake-serial-device did not start")
    end
  end

  test "settings name where each came from: a default or mix.exs baud is not --baud" do
    sources = fn opts, user ->
      AtomVM.Settings.sources(Mix.Tasks.Atomvm.Monitor.settings!(opts, user))
    end

    assert sources.([], []) =~ "baud = 115200  (default)"
    assert sources.([port: "/dev/x"], []) =~ "port = /dev/x  (--port)"
    assert sources.([baud: "9600"], []) =~ "baud = 9600  (--baud)"

    assert sources.([], monitor_baud: 57_600, baud: 921_600) =~
             "baud = 57600  (mix.exs atomvm: [monitor_baud: ...])"
  end

  test "prints what the device writes until stopped" do
    {device, path} = device!()
    test = self()

    monitor =
      Task.async(fn ->
        AtomVM.Monitor.run(path, 115_200,
          keyboard: false,
          notify: test,
          output: &send(test, {:output, &1})
        )
      end)

    assert_receive {:monitor_started, id}, 5_000
    text = collect("", 3_000)
    # The device's lines, in order (the first may have gone through the terminal's
    # line discipline before the monitor made it raw).
    numbers = Regex.scan(~r/line (\d+)/, text) |> Enum.map(fn [_, n] -> String.to_integer(n) end)
    assert length(numbers) >= 3
    assert numbers == Enum.sort(numbers)
    assert AtomVM.Monitor.stop(id)
    assert Task.await(monitor, 5_000) == :ok
    Port.close(device)
  end

  defp collect(acc, timeout) do
    if length(Regex.scan(~r/line \d+\r?\n/, acc)) >= 3 do
      acc
    else
      receive do
        {:output, bytes} -> collect(acc <> bytes, timeout)
      after
        timeout -> acc
      end
    end
  end
end
