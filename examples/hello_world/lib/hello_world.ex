defmodule HelloWorld do
  @moduledoc "The smallest AtomVM program: AtomVM calls `start/0`."

  # `:atomvm` is provided by the AtomVM runtime, not by the host's OTP.
  @compile {:no_warn_undefined, :atomvm}

  @doc "Prints a greeting read from this application's priv directory."
  def start do
    greeting =
      case :atomvm.read_priv(:hello_world, "greeting.txt") do
        bin when is_binary(bin) -> String.trim(bin)
        _ -> "Hello"
      end

    IO.puts("#{greeting}, world!")
  end
end
