import os
import re
import time

import imageio
import numpy as np
import tensorflow.compat.v1 as tf

from utils import label_map_util
from utils import visualization_utils as vis_util

tf.disable_v2_behavior()


def predict(input_folder):
    inference_status = "ko"
    flags = tf.app.flags
    flags.DEFINE_string("inference_graph_dir", "model", "Directory where the inference graph is stored.")
    flags.DEFINE_string("test_dir", input_folder, "test images folder path.")
    flags.DEFINE_string("out_dir", input_folder + "/results", "output folder path.")
    FLAGS = flags.FLAGS

    PATH_TO_CKPT = FLAGS.inference_graph_dir + "/frozen_inference_graph.pb"
    detection_graph = tf.Graph()
    with detection_graph.as_default():
        od_graph_def = tf.GraphDef()
        with tf.gfile.GFile(PATH_TO_CKPT, "rb") as fid:
            od_graph_def.ParseFromString(fid.read())
            tf.import_graph_def(od_graph_def, name="")

    label_map = label_map_util.load_labelmap("model/object_detection.pbtxt")
    category_index = label_map_util.create_category_index(
        label_map_util.convert_label_map_to_categories(label_map, max_num_classes=4, use_display_name=True)
    )

    with detection_graph.as_default():
        with tf.Session(graph=detection_graph) as sess:
            image_tensor = detection_graph.get_tensor_by_name("image_tensor:0")
            outputs = [detection_graph.get_tensor_by_name(n) for n in ("detection_boxes:0", "detection_scores:0", "detection_classes:0", "num_detections:0")]
            for root, dirs, files in os.walk(FLAGS.test_dir):
                for name in files:
                    if not re.search(r"\.(png|jpg|jpeg)$", name):
                        continue
                    image_np = imageio.imread(os.path.join(root, name), pilmode="RGB")
                    start = time.time()
                    boxes, scores, classes, num = sess.run(outputs, feed_dict={image_tensor: np.expand_dims(image_np, axis=0)})
                    print("elapsed time: " + str(time.time() - start))
                    name_out, ext = os.path.splitext(name)
                    os.makedirs(FLAGS.out_dir + "/txt", exist_ok=True)
                    with open(os.path.join(FLAGS.out_dir + "/txt", name_out + ".txt"), "w") as f:
                        for i in range(int(num)):
                            f.write(category_index[int(classes[0][i])]["name"] + " " + str(scores[0][i]) + "\n")
                    vis_util.visualize_boxes_and_labels_on_image_array(image_np, np.squeeze(boxes), np.squeeze(classes).astype(np.int32), np.squeeze(scores), category_index)
                    os.makedirs(FLAGS.out_dir + "/output", exist_ok=True)
                    imageio.imsave(FLAGS.out_dir + "/output/" + name_out + "_o" + ext, image_np)
                    inference_status = "ok - " + FLAGS.out_dir + "/output"
    print("inference_status: " + inference_status)
    return inference_status
