defmodule HelloWorld do
  @moduledoc "The smallest AtomVM program: AtomVM calls `start/0`."

  # `:atomvm` is provided by the AtomVM runtime, not by the host's OTP.
  @compile {:no_warn_undefined, :atomvm}

  @doc "Prints a greeting read from this application's priv directory."
  def start do
    greeting =
      case :atomvm.read_priv(:hello_world, "greeting.txt") do
        bin when is_binary(bin) -> chomp(bin)
        _ -> "Hello"
      end

    IO.puts("#{greeting}, world!")
  end

  # The device's library has no `String.trim/1` (`mix atomvm.check` says so), and its
  # `:string.trim/1` keeps the newline: a binary match works everywhere.
  defp chomp(bin) do
    size = byte_size(bin) - 1

    case bin do
      <<text::binary-size(size), "\n">> -> text
      _ -> bin
    end
  end
end
