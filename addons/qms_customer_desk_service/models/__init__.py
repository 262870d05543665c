from . import qms_desk_call
