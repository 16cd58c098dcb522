from .TalkpoleModel import TalkpoleModel
from .TalkpoleCBI import TalkpoleCBI
from .TalkpoleCNN import TalkpoleCNN
from .TalkpoleLSTM import TalkpoleLSTM
