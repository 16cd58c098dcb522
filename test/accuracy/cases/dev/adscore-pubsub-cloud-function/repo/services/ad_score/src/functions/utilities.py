import json
import datetime as dt
from google.cloud import storage


def scale(value, original_min, original_max, new_min, new_max):
    return new_min + (new_max - new_min) * (value - original_min) / (original_max - original_min)


def calculate_scores(probabilities, config):
    conf_good_okay = config['calculate_scores']['conf_good_okay']
    conf_good = config['calculate_scores']['conf_good']
    final_scores = []
    for prob in probabilities:
        prob_good, prob_okay, prob_bad = prob
        sum_prob_good_okay = prob_good + prob_okay
        if sum_prob_good_okay > conf_good_okay and prob_good > conf_good:
            score = scale(prob_good, conf_good, 1, 0.8, 1.0)
        else:
            score = sum_prob_good_okay
        final_scores.append(int(round(score * 100)))
    return final_scores


def post_process_results(input_data, output_data_dict):
    converted_data = {
        "project": input_data['project'],
        "account_details": input_data['account_details'],
        "model": input_data['model'],
        "data_state": "scored",
        "payload": {"data": [{"ads": []}]},
    }
    for i in range(len(output_data_dict['ad_name'])):
        converted_data["payload"]["data"][0]["ads"].append({
            "ad_id": output_data_dict['ad_name'][i],
            "ad_performance_score": output_data_dict['ad_performance_score'][i]
        })
    return json.dumps(converted_data)


def upload_to_storage(json_data, type, config):
    account_from = list(map(str, json_data['account_details'].keys()))[0]
    account_name = json_data['account_details'][account_from]['account_name']
    account_id = json_data['account_details'][account_from]['account_id']
    file_name_str = str(account_from + "--" + account_name + "--account_id_" + str(account_id))
    if type == 'input':
        bucket_name = config['upload_to_storage_input']['bucket_name']
        folder_name = config['upload_to_storage_input']['folder_name']
        output_file_name = 'input_' + file_name_str + '__' + dt.datetime.now().strftime('%Y-%m-%d - %H:%M:%S:%f %p %Z') + '.json'
    elif type == 'output':
        bucket_name = config['upload_to_storage_output']['bucket_name']
        folder_name = config['upload_to_storage_output']['folder_name']
        output_file_name = 'output_' + file_name_str + '__' + dt.datetime.now().strftime('%Y-%m-%d - %H:%M:%S:%f %p %Z') + '.json'
    storage_client = storage.Client()
    bucket = storage_client.bucket(bucket_name)
    blob = bucket.blob(f"{folder_name}/{output_file_name}")
    blob.upload_from_string(json.dumps(json_data))
