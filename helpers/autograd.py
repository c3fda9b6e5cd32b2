"""A scalar that remembers how it was made, and the chain rule run backwards over it (notebook 06).

    a, b = Value(2.0), Value(-3.0)
    f = a * b + a          # every operation makes a new Value that knows its inputs
    f.backward()           # df/da = b + 1 = -2.0 lands in a.grad, df/db = a = 2.0 in b.grad

Each operation below computes its result AND says, in `_backward`, how a change of the result
moves its inputs: the local derivative times the gradient that arrives from above (the chain
rule). A Value used twice (a above) gets a share from each use, so every `_backward` ADDS to
`.grad` with `+=`; writing `=` would keep only the last share. `backward()` visits the graph
from the output back to the inputs, each node after every node that uses it.

After Karpathy's micrograd (engine.py), with `-` and `sigmoid` as operations of their own and
sigmoid written as network.sigmoid writes it, so the XOR net built from Values
(helpers/analysis/autograd_net.py) gives the same numbers as helpers/network.py.
"""
import math
import numbers

from helpers.network import sigmoid


class Value:
    """One number (`data`), the gradient of the output with respect to it (`grad`), and its history.

    label: a name for pictures ("W1[0,0]"); op: the operation that made it ("" for an input).
    """

    __array_ufunc__ = None  # numpy array + Value: NumPy hands over to Value.__radd__, which refuses

    def __init__(self, data, _children: tuple = (), _op: str = "", label: str = ""):
        self.data = _number(data, "Value(data)")
        self.grad = 0.0
        self._backward = lambda: None  # an input has nobody to pass its gradient to
        self._prev = _children
        self._op = _op
        self.label = label

    def __add__(self, other) -> "Value":
        other = _as_value(other, "+")
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad   # d(a + b)/da = 1
            other.grad += out.grad  # d(a + b)/db = 1
        out._backward = _backward
        return out

    def __mul__(self, other) -> "Value":
        other = _as_value(other, "*")
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad  # d(a b)/da = b
            other.grad += self.data * out.grad  # d(a b)/db = a
        out._backward = _backward
        return out

    def __sub__(self, other) -> "Value":
        other = _as_value(other, "-")
        out = Value(self.data - other.data, (self, other), "-")

        def _backward():
            self.grad += out.grad   # d(a - b)/da = 1
            other.grad -= out.grad  # d(a - b)/db = -1
        out._backward = _backward
        return out

    def __neg__(self) -> "Value":
        out = Value(-self.data, (self,), "neg")

        def _backward():
            self.grad -= out.grad  # d(-a)/da = -1
        out._backward = _backward
        return out

    def __pow__(self, n) -> "Value":
        n = _number(n, "the exponent of **", allowed="a plain number (int or float), not a Value")
        if self.data < 0 and n != int(n):
            raise ValueError(f"a negative number to a fractional power is not real: {self.data} ** {n}")
        out = Value(self.data ** n, (self,), f"**{n:g}")

        def _backward():
            self.grad += n * self.data ** (n - 1) * out.grad  # d(a^n)/da = n a^(n-1)
        out._backward = _backward
        return out

    def exp(self) -> "Value":
        if self.data > 709.0:  # exp(709.8) is the largest float
            raise OverflowError(f"exp({self.data:g}) is too large for a float (the largest is about exp(709))")
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad  # d(e^a)/da = e^a: the result itself
        out._backward = _backward
        return out

    def sigmoid(self) -> "Value":
        # 1 / (1 + exp(-a)), computed by network.sigmoid (exact in both tails, never overflows)
        out = Value(float(sigmoid(self.data)), (self,), "sigmoid")

        def _backward():
            self.grad += out.data * (1 - out.data) * out.grad  # d sigma(a)/da = sigma(a) (1 - sigma(a))
        out._backward = _backward
        return out

    def backward(self) -> None:
        """Fill .grad of every Value this one was made from with d(self)/d(that Value).

        Gradients add up over calls: set them to 0 (zero_grad) before a second backward.
        """
        self.grad = 1.0  # d(self)/d(self)
        for v in reversed(topological_order(self)):
            v._backward()

    # a plain number on the left: 2 * a, 1 - a, 3 + a
    def __radd__(self, other) -> "Value":
        return _as_value(other, "+") + self

    def __rmul__(self, other) -> "Value":
        return _as_value(other, "*") * self

    def __rsub__(self, other) -> "Value":
        return _as_value(other, "-") - self

    def __rpow__(self, other):
        raise TypeError(f"a number ** Value is not an operation here (got {_show(other)} ** Value); "
                        "the exponent of ** must be a plain number, e.g. a ** 2, or use a.exp() for e ** a")

    def __repr__(self) -> str:
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"


def topological_order(root: Value) -> list:
    """Every Value `root` was made from (and root, last), each after all the Values it was made from."""
    # a loop with an explicit stack, not recursion: a long chain of operations would pass
    # Python's recursion limit
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        v, inputs_done = stack.pop()
        if inputs_done:
            order.append(v)
        elif v not in seen:
            seen.add(v)
            stack.append((v, True))
            stack.extend((child, False) for child in v._prev)
    return order


def zero_grad(values) -> None:
    """Set .grad of each Value to 0 (before the next backward, since backward adds)."""
    for v in values:
        v.grad = 0.0


def _number(x, what: str, allowed: str = "a plain number (int or float)") -> float:
    """x as a finite float; a TypeError or ValueError naming what was given and what is allowed."""
    # bool is an int in Python, but True * a is a mistake; a NumPy array is not one number
    if isinstance(x, (bool, str)) or not isinstance(x, numbers.Real):
        raise TypeError(f"{what} must be {allowed}, got {_show(x)}")
    if not math.isfinite(x):
        raise ValueError(f"{what} must be a finite number, got {x}")
    return float(x)


def _as_value(x, op: str) -> Value:
    """The other operand of `op`: a Value as it is, a plain number wrapped in a Value."""
    if isinstance(x, Value):
        return x
    return Value(_number(x, f"the other operand of {op}", allowed="a Value or a plain number (int or float)"))


def _show(x) -> str:
    """What was given, in a few words: its type and (short) value."""
    if getattr(x, "ndim", 0) > 0:  # an array: Values hold one number each
        return f"a NumPy array of shape {x.shape} (give one number, e.g. float(X[i, j]))"
    text = repr(x)
    return f"{type(x).__name__} {text if len(text) <= 40 else text[:37] + '...'}"
