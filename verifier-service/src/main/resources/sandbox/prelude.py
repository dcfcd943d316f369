# Runs once in every sandbox context, before any LLM-written code. It checks each function's source before running
# it, runs each function in its own namespace where the dangerous builtins are shadowed (GraalPy ignores a custom
# __builtins__ in exec globals, so shadowing globals is what works), hooks imports made by functions, fingerprints
# every module a function can reach, and classifies each call's outcome into a small integer the host maps onto a
# Verdict.
# The policy of the context (no IO, host, polyglot, processes, threads, native access) is the real wall; what is
# here only names the attempt (forbidden) and keeps one function from changing what another one sees.
import ast as _ast
import builtins as _builtins
import sys as _sys

PASS, FAIL, ERROR, FORBIDDEN, EXHAUSTED = 1, 0, 2, 3, 4

_ALLOWED = frozenset()
_MAX_OUTPUT = 0
# module name -> fingerprint taken when it was first loaded
_SNAPSHOTS = {}
_RECURSION = [1000]
_RE = []
# modules that are not importable but reachable as attributes of allowed ones (e.g. collections._sys)
_ALSO_WATCHED = frozenset(('builtins', 'sys', '_sre', 'sre_compile', 'sre_parse', 'sre_constants', '_collections',
                           '_functools', '_json', 'copyreg', 'types', 'abc', '_abc', 'operator', 'keyword',
                           'reprlib', 'weakref', '_weakref', 'warnings', 'contextvars', '_pydecimal', 'numbers'))
# [forbidden attempt seen, characters printed, output exceeded]
_state = [False, 0, False]
_real_import = _builtins.__import__
_FUNCTION_MODULE = 'verification'
# dunder attributes an evaluate() may legitimately use; every other one is how sandbox escapes start
_SAFE_DUNDERS = frozenset(('__name__', '__doc__', '__init__', '__len__', '__str__', '__repr__', '__eq__', '__lt__'))
_DENIED_NAMES = frozenset(('__builtins__', '__import__', '__loader__', '__spec__', 'globals', 'locals', 'vars',
                           'breakpoint', 'exec', 'eval', 'compile', 'open', 'input', 'exit', 'quit', 'help'))


class _Forbidden(BaseException):
    """Not an Exception, so an evaluate() with 'except Exception' cannot swallow it."""


class _Exhausted(BaseException):
    pass


def _configure(allowed, max_output, recursion_limit, preload):
    global _ALLOWED, _MAX_OUTPUT
    _sys.setrecursionlimit(recursion_limit)
    _RECURSION[0] = recursion_limit
    _ALLOWED = frozenset(allowed.split(','))
    _MAX_OUTPUT = max_output
    for name in preload.split(','):
        if name in _ALLOWED:
            _real_import(name)
    if 're' in _ALLOWED:
        _RE.append(_real_import('re'))
    _builtins.__import__ = _restricted_import
    _snapshot_new_modules()


def _snapshot_new_modules():
    # a module is fingerprinted as soon as it is loaded, before any function holds it, so tampering done in the
    # same batch that first imported it is still caught
    for name in list(_sys.modules):
        if name not in _SNAPSHOTS and _watched(name):
            _SNAPSHOTS[name] = _snapshot(_sys.modules[name])


def _watched(name):
    return name.partition('.')[0] in _ALLOWED or name in _ALSO_WATCHED


def _restricted_import(name, globals=None, locals=None, fromlist=(), level=0):
    # only imports written in a verification function are restricted; the standard library imports what it needs
    if globals is None or globals.get('__name__') != _FUNCTION_MODULE:
        return _real_import(name, globals, locals, fromlist, level)
    top = name.partition('.')[0]
    if level != 0 or top not in _ALLOWED:
        _state[0] = True
        raise _Forbidden('import of ' + name)
    known = name in _sys.modules
    module = _real_import(name, globals, locals, fromlist, 0)
    if not known or fromlist:
        _snapshot_new_modules()
    return module


def _denied(what):
    def deny(*args, **kwargs):
        _state[0] = True
        raise _Forbidden(what)
    return deny


def _bounded_print(*args, sep=' ', end='\n', file=None, flush=False):
    n = len(end) + len(sep) * max(0, len(args) - 1)
    for a in args:
        n += len(str(a))
    _state[1] += n
    if _state[1] > _MAX_OUTPUT:
        _state[2] = True
        raise _Exhausted('output limit')


def _checked_getattr(obj, name, *default):
    if isinstance(name, str) and name.startswith('__') and name not in _SAFE_DUNDERS:
        _state[0] = True
        raise _Forbidden('attribute ' + name)
    return getattr(obj, name, *default)


def _namespace():
    ns = {'__name__': _FUNCTION_MODULE, 'print': _bounded_print, 'getattr': _checked_getattr}
    for name in ('open', 'exec', 'eval', 'compile', 'input', 'breakpoint', 'exit', 'quit', 'help', 'globals',
                 'locals', 'vars', 'setattr', 'delattr', 'memoryview', '__import__'):
        ns[name] = _denied(name)
    return ns


def _check(code):
    """The source's normal form when it may run, else (verdict, reason) for its first offence in the order of
    ast.walk (breadth first). One pass over the tree checks every node and builds the normal form: the tree as
    nested tuples of node types and fields, positions aside, as a string (what ast.dump compares, at a fraction of
    its cost interpreted)."""
    try:
        tree = _ast.parse(code)
    except (SyntaxError, ValueError) as e:
        return (-1, 'syntax-error')
    found = []
    form = _form(tree, 0, found)
    if found:
        return (found[1], found[2])
    return repr(form)


def _form(node, depth, found):
    # found: [depth, verdict, reason] of the shallowest offence, the first of its depth in walk order: at one depth,
    # breadth-first and this depth-first pass meet nodes in the same order
    check = _OFFENCES.get(type(node))
    if check is not None and (not found or depth < found[0]):
        offence = check(node)
        if offence is not None:
            found[:] = [depth, offence[0], offence[1]]
    out = [type(node).__name__]
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, _ast.AST):
            value = _form(value, depth + 1, found)
        elif type(value) is list:
            value = tuple([_form(v, depth + 1, found) if isinstance(v, _ast.AST) else v for v in value])
        out.append(value)
    return tuple(out)


def _import_offence(node):
    for alias in node.names:
        top = alias.name.partition('.')[0]
        if top not in _ALLOWED:
            return (-1, 'unsupported-import:' + top)
    return None


def _import_from_offence(node):
    top = (node.module or '').partition('.')[0]
    if node.level or top not in _ALLOWED:
        return (-1, 'unsupported-import:' + (top or '.'))
    return None


def _attribute_offence(node):
    if node.attr.startswith('__') and node.attr not in _SAFE_DUNDERS:
        return (FORBIDDEN, 'forbidden-attribute:' + node.attr)
    return None


def _name_offence(node):
    # dunder names too: rebinding __name__ would make the import hook treat the function as library code
    # (reading __name__ stays allowed: LLM answers often end with an `if __name__ == '__main__':` demo)
    if node.id in _DENIED_NAMES or (node.id.startswith('__') and not isinstance(node.ctx, _ast.Load)):
        return (FORBIDDEN, 'forbidden-name:' + node.id)
    return None


_OFFENCES = {_ast.Import: _import_offence, _ast.ImportFrom: _import_from_offence,
             _ast.Attribute: _attribute_offence, _ast.Name: _name_offence}


def _load(code):
    """Returns (evaluate, normal form), or (verdict, reason) when the source is rejected or its module code
    misbehaves. The normal form is the syntax tree without positions: the same for sources that differ only in
    layout and comments."""
    form = _check(code)
    if isinstance(form, tuple):
        return form
    namespace = _namespace()
    status = _guard(lambda: exec(code, namespace) or True)
    if status != PASS:
        return (status, 'load-' + ('forbidden' if status == FORBIDDEN else
                                   'exhausted' if status == EXHAUSTED else 'error'))
    fn = namespace.get('evaluate')
    if not callable(fn):
        return (-1, 'no-evaluate')
    return (fn, form)


def _guard(thunk):
    _state[0] = False
    _state[1] = 0
    _state[2] = False
    try:
        ok = bool(thunk())
    except _Forbidden:
        return FORBIDDEN
    except (_Exhausted, MemoryError, RecursionError):
        return EXHAUSTED
    except PermissionError:
        return FORBIDDEN
    except BaseException as e:
        if _state[0]:
            return FORBIDDEN
        if _state[2]:
            return EXHAUSTED
        text = str(e)
        if 'not allowed' in text or 'was excluded' in text:
            return FORBIDDEN
        return ERROR
    if _state[0]:
        return FORBIDDEN
    if _state[2]:
        return EXHAUSTED
    return PASS if ok else FAIL


def _run(fn, response):
    return _guard(lambda: fn(response))


def _run_all(fn, *responses):
    """One function over many responses in one call from the host: each response its own _guard (output limit,
    outcome), the statuses as one digit each."""
    return ''.join([str(_guard(lambda: fn(r))) for r in responses])


def _tidy():
    # caches are shared between functions: a planted entry must not outlive the batch that planted it
    if _RE:
        _RE[0].purge()


def _snapshot(module):
    # what a function could change: the module's bindings, the members of its classes, its functions' code and
    # defaults. The objects are held, so an id cannot be reused by a replacement; the checks below compare ids with
    # builtins (map, tuple ==), which run as host code even when GraalPy interprets, instead of Python loops.
    values = tuple(module.__dict__.values())
    classes = tuple(v for v in values if isinstance(v, type) and _mutable(v))
    functions = tuple(v for v in values if getattr(v, '__code__', None) is not None)
    return (module, tuple(map(id, values)), classes, tuple(map(_class_fingerprint, classes)), functions,
            tuple(map(_function_fingerprint, functions)))


def _mutable(cls):
    # built-in types (str, dict, the exceptions, ...) refuse new attributes: nothing can change them, so they need
    # no fingerprint. Probed once, when the module is first seen, before any function runs.
    try:
        type.__setattr__(cls, '_autoif_probe', None)
    except (TypeError, AttributeError):
        return False
    type.__delattr__(cls, '_autoif_probe')
    return True


def _class_fingerprint(cls):
    return tuple(map(id, tuple(cls.__dict__.values())))


def _function_fingerprint(fn):
    # GraalPy hands out a fresh __defaults__ tuple on each access: compare its elements
    defaults = fn.__defaults__
    return (id(fn.__code__), tuple(map(id, defaults)) if isinstance(defaults, tuple) else None)


def _unchanged(name, snapshot):
    module = _sys.modules.get(name)
    return (module is snapshot[0]
            and tuple(map(id, tuple(module.__dict__.values()))) == snapshot[1]
            and tuple(map(_class_fingerprint, snapshot[2])) == snapshot[3]
            and tuple(map(_function_fingerprint, snapshot[4])) == snapshot[5])


def _intact():
    """'' when every watched module, class and builtin is what it was when first seen, else what changed."""
    if _sys.getrecursionlimit() != _RECURSION[0]:
        return 'sys.recursionlimit'
    if _builtins.__import__ is not _restricted_import:
        return 'builtins.__import__'
    for name, snapshot in list(_SNAPSHOTS.items()):
        if not _unchanged(name, snapshot):
            return name
    _snapshot_new_modules()
    return ''
