"""
Module with functions for Churn model

Author: Udacity
Date: November 2022
"""

import logging
import os
import pandas as pd
import shap
import joblib
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns; sns.set()

from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.metrics import plot_roc_curve, classification_report

os.environ['QT_QPA_PLATFORM'] = 'offscreen'

logging.basicConfig(
    filename="./results.log",
    level=logging.INFO,
    filemode='w',
    format='%(name)s - %(levelname)s - %(message)s')


def import_data(pth, response):
    '''returns dataframe for the csv found at pth'''
    try:
        logging.info("Opening %s", pth)
        dff = pd.read_csv(pth).drop('Unnamed: 0', axis=1, errors='ignore')
        logging.info('SUCCESS: Read in %d rows of data', len(dff))
        dff['CLIENTNUM'] = dff['CLIENTNUM'].astype(str)
        logging.info('SUCCESS: convered CLIENTNUM column to string.')
    except FileNotFoundError as err:
        logging.error(err)
    try:
        logging.info("Creating target varible with name: %s", response)
        dff[response] = dff['Attrition_Flag'].apply(
            lambda val: 0 if val == "Existing Customer" else 1)
        dff.drop('Attrition_Flag', axis=1, inplace=True)
        logging.info("SUCCESS: created target variable.")
        return dff
    except KeyError as err:
        logging.error("FAIL: %(target)s is not a column in the DataFrame. %(error)s",
                {'target': response, 'error': err})
    except Exception as err:
        logging.error("FAIL: Could not create column: %s", err)


def perform_eda(dff):
    '''perform eda on df and save figures to images folder'''
    print(dff.head)
    print(dff.shape)
    print(dff.isnull().sum())

    try:
        logging.info("Attempting churn view.")
        plt.figure(figsize=(20, 10))
        dff['Churn'].hist()
        plt.savefig('./images/churn.png')
    except KeyError as err:
        logging.error("FAIL: The Churn column is missing from the dataFrame.\
                Could not visualize. (%s)", err)

    try:
        logging.info("Attempting correlation heat map view.")
        plt.figure(figsize=(20, 10))
        sns.heatmap(dff.corr(numeric_only=True), annot=False, cmap='Dark2_r', linewidths=2)
        plt.savefig('./images/corr_plot.png')
    except Exception as err:  # Not sure why this could fail, leaving it open
        logging.error("FAIL: The correlation heatmap failed. \
                Could not visualize. More info here: %s", err)


def encoder_helper(dff, category_lst, response):
    '''turn each categorical column into a new column with the proportion of churn for each category'''
    for category in category_lst:
        try:
            logging.info("Creating encoded column %s", category)
            temp_cat_lst = []
            gender_groups = dff.groupby(category).mean(numeric_only=True)[response]

            for val in dff[category]:
                temp_cat_lst.append(gender_groups.loc[val])

            dff[f'{category}_Churn'] = temp_cat_lst
            logging.info("SUCCESS: created encoded %s column.", category)
        except KeyError as err:
            logging.error("FAIL: %s is not a column in the DataFrame. \
                    %(error)s", {"col": category, "error": err})
        except Exception as err:
            logging.error("FAIL: Could not create column. %s", err)
    return dff


def perform_feature_engineering(dff, response):
    '''returns X_train, X_test, y_train, y_test'''
    CATEGORY_LST = dff.select_dtypes(object).columns

    dff = encoder_helper(dff, CATEGORY_LST, response=response)

    try:
        logging.info("Splitting DataFrame into Features and Target...")
        target = dff.pop(response)
        features = dff.select_dtypes(include=np.number)
        logging.info("Splitting data into Train and Test sets")
        x_train, x_test, y_train, y_test = train_test_split(features,
                                                            target,
                                                            test_size=0.3,
                                                            random_state=42)
        return x_train, x_test, y_train, y_test
    except Exception as err:
        logging.error("FAIL: Could not split dataset: %s", err)


def classification_report_image(y_train, y_test, y_train_preds, y_test_preds,
                                model_type, output_pth):
    '''stores the train and test classification reports as an image'''
    try:
        logging.info('Starting classification report for %s', model_type)
        plt.rc('figure', figsize=(5, 5))
        plt.text(0.01, 1.25, str(model_type + " Test"), {'fontsize': 10},
                 fontproperties='monospace')
        plt.text(0.01, 0.05, str(classification_report(y_test, y_test_preds)),
                 {'fontsize': 10}, fontproperties='monospace')
        plt.text(0.01, 0.6, str(model_type + " Train"), {'fontsize': 10},
                 fontproperties='monospace')
        plt.text(0.01, 0.7, str(classification_report(y_train, y_train_preds)),
                 {'fontsize': 10}, fontproperties='monospace')
        plt.axis('off')
        plt.savefig(output_pth + '.' + 'classification_report_' + model_type +
                    '.png')
    except Exception as err:
        logging.error('FAIL: could not save classification report %(model)s \
            to %(path)s because of %(exc)s',
                      {'model': model_type, 'path': output_pth, 'exc': err})


def train_models(x_train, x_test, y_train, y_test):
    '''train, store model results: images + scores, and store models'''
    rfc = RandomForestClassifier(random_state=42)
    lrc = LogisticRegression(solver='lbfgs', max_iter=3000)

    param_grid = {
        'n_estimators': [200, 500],
        'max_features': [None, 'sqrt'],
        'max_depth': [4, 5, 100],
        'criterion': ['gini', 'entropy']
    }

    cv_rfc = GridSearchCV(estimator=rfc, param_grid=param_grid, cv=5)
    cv_rfc.fit(x_train, y_train)

    lrc.fit(x_train, y_train)

    y_train_preds_rf = cv_rfc.best_estimator_.predict(x_train)
    y_test_preds_rf = cv_rfc.best_estimator_.predict(x_test)

    y_train_preds_lr = lrc.predict(x_train)
    y_test_preds_lr = lrc.predict(x_test)

    classification_report_image(y_train, y_test, y_train_preds_rf, y_test_preds_rf,
                                'Random Forest',
                                './images/random_forest_classif_report.png')
    classification_report_image(y_train, y_test, y_train_preds_lr, y_test_preds_lr,
                                'Logistic Regression',
                                './images/logit_reg_classif_report.png')

    lrc_plot = plot_roc_curve(lrc, x_test, y_test)
    rfc_disp = plot_roc_curve(cv_rfc.best_estimator_, x_test, y_test)

    plt.figure(figsize=(15, 8))
    ax = plt.gca()
    rfc_disp.plot(ax=ax, alpha=0.8)
    lrc_plot.plot(ax=ax, alpha=0.8)
    plt.show()

    # save best model
    joblib.dump(cv_rfc.best_estimator_, './models/rfc_model.pkl')
    joblib.dump(lrc, './models/logistic_model.pkl')

    explainer = shap.TreeExplainer(cv_rfc.best_estimator_)
    shap_values = explainer.shap_values(x_test)
    shap.summary_plot(shap_values, x_test, plot_type="bar", show=False)
    plt.savefig('./images/shap_explainer_summary.png')


def main(data_path, response):
    """Main function to train model."""
    dff = import_data(data_path, response)
    perform_eda(dff)
    x_train, x_test, y_train, y_test = perform_feature_engineering(dff,
                                                                   response)
    train_models(x_train, x_test, y_train, y_test)


if __name__ == "__main__":
    main(r"./data/bank_data.csv", 'Churn')
