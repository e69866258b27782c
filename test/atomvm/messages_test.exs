defmodule AtomVM.MessagesTest do
  use ExUnit.Case, async: true

  @root AtomVM.Test.Fixture.root()

  test "every task stops with a message of AtomVM.Messages, none written inline" do
    inline =
      for file <- Path.wildcard(Path.join(@root, "lib/**/*.ex")),
          {line, n} <- Enum.with_index(File.read!(file) |> String.split("\n"), 1),
          line =~ ~r/Mix\.raise\(\s*"/,
          do: "#{Path.relative_to(file, @root)}:#{n}"

    assert inline == []
  end

  test "an invalid setting is worded one way, whichever task reads it" do
    error =
      assert_raise Mix.Error, fn -> Mix.Tasks.Atomvm.Monitor.settings!([baud: "fast"], []) end

    assert error.message ==
             ~s(invalid baud "fast" from --baud: expected a number of bits per second such as 115200)

    assert AtomVM.Messages.message({:invalid_setting, :offset, "x", "mix.exs"}) ==
             ~s(invalid offset "x" from mix.exs: expected an address such as 0x250000)
  end
end
