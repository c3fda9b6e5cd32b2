"""Solutions to the exercises of notebook 06 (instructors: delete the solutions/ folder before handing out).

The same text as helpers/exercises/answers.py (a test keeps them equal).
"""
from helpers.autograd import Value


def mul_backward(a, b, out):
    """out = a * b: pass out's gradient back to a and b, adding to what they hold."""
    a.grad += b.data * out.grad  # d(a b)/da = b
    b.grad += a.data * out.grad  # d(a b)/db = a


def sigmoid_backward(x, out):
    """out = sigmoid(x): out.data is sigma(x), so the slope needs no new exp."""
    x.grad += out.data * (1 - out.data) * out.grad


def add_backward(a, b, out):
    """out = a + b: both local derivatives are 1; += so that x + x gets both shares."""
    a.grad += out.grad
    b.grad += out.grad

# f = (a * b) * (a + c) at a = 2, b = -3, c = 4:
# (a + c) * b through a * b, plus (a * b) * 1 through a + c
fan_out_prediction = (2 + 4) * -3 + (2 * -3) * 1  # -24
a, b, c = Value(2.0), Value(-3.0), Value(4.0)
f = (a * b) * (a + c)
f.backward()
